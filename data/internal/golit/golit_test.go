package golit

import (
	"math"
	"strings"
	"testing"
)

type text struct{ Zh, En string }

type measure string

type leaf struct {
	Name   text
	Kind   measure
	Op     byte
	Value  float64
	Months []int
	Tags   map[string]int
	Next   *leaf
	Any    any
}

type holder struct {
	Texts  []*text
	Leaves []*leaf
	ByID   map[string]*text
}

type single struct{ F float32 }

type hidden struct {
	Shown  int
	hidden int
}

// Variables, so that the compiler does not add them exactly.
var tenth, fifth = 0.1, 0.2

func TestVars(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"zero fields left out", leaf{Name: text{Zh: "昆明"}}, "golit.leaf{\nName: golit.text{Zh: \"昆明\"},\n}"},
		{"named string as a constant", leaf{Kind: "yoy"}, "golit.leaf{\nKind: \"yoy\",\n}"},
		{"a byte as its character", leaf{Op: '-'}, "golit.leaf{\nOp: '-',\n}"},
		{"a quote byte as a number", leaf{Op: '\''}, "golit.leaf{\nOp: 39,\n}"},
		{"shortest float that reads back", leaf{Value: tenth + fifth}, "golit.leaf{\nValue: 0.30000000000000004,\n}"},
		{"negative zero", leaf{Value: math.Copysign(0, -1)}, "golit.leaf{\nValue: math.Copysign(0, -1),\n}"},
		{"empty slice is not nil", leaf{Months: []int{}}, "golit.leaf{\nMonths: []int{},\n}"},
		{"slice elements on lines", []int{1, 2}, "[]int{\n1,\n2,\n}"},
		{"map in key order", map[string]int{"b": 2, "a": 1}, "map[string]int{\n\"a\": 1,\n\"b\": 2,\n}"},
		{"pointer elements elided", []*text{{Zh: "甲"}, nil}, "[]*golit.text{\n{Zh: \"甲\"},\nnil,\n}"},
		{"pointer field", leaf{Next: &leaf{Op: '+'}}, "golit.leaf{\nNext: &golit.leaf{\nOp: '+',\n},\n}"},
		{"interface keeps its type", leaf{Any: measure("share")}, "golit.leaf{\nAny: golit.measure(\"share\"),\n}"},
		{"unexported zero field is fine", hidden{Shown: 1}, "golit.hidden{Shown: 1}"},
		{"negative zero of a float32", []single{{F: float32(math.Copysign(0, -1))}}, "[]golit.single{\n{F: float32(math.Copysign(0, -1))},\n}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, imports, err := Vars("v", tc.v)
			if err != nil {
				t.Fatal(err)
			}
			if got != "var v = "+tc.want+"\n" {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if strings.Contains(got, "golit.") && imports["github.com/kmdash/kmdash/data/internal/golit"] != "golit" {
				t.Errorf("imports %v do not name this package", imports)
			}
			if strings.Contains(got, "math.") && imports["math"] != "math" {
				t.Errorf("uses math but imports %v", imports)
			}
		})
	}
}

// TestVarsShares: a pointer reached twice is declared once and named
// wherever it is held, so it stays one pointer.
func TestVarsShares(t *testing.T) {
	a, b := &text{Zh: "甲"}, &text{Zh: "乙"}
	inner := &leaf{Name: text{En: "inner"}, Next: &leaf{Op: '+'}}
	got, _, err := Vars("v", holder{[]*text{a, b, a}, []*leaf{{Next: inner}, inner}, map[string]*text{"a": a, "b": b}})
	if err != nil {
		t.Fatal(err)
	}
	want := `var v = golit.holder{
Texts: []*golit.text{
v1,
v2,
v1,
},
Leaves: []*golit.leaf{
{
Next: v3,
},
v3,
},
ByID: map[string]*golit.text{
"a": v1,
"b": v2,
},
}

var v1 = &golit.text{Zh: "甲"}

var v2 = &golit.text{Zh: "乙"}

var v3 = &golit.leaf{
Name: golit.text{En: "inner"},
Next: &golit.leaf{
Op: '+',
},
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestVarsRefuses(t *testing.T) {
	loop := &leaf{}
	loop.Next = loop
	n := 3
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"cycle", loop, "v.Next points back to an enclosing value"},
		{"unexported value", hidden{hidden: 1}, "v.hidden is unexported"},
		{"function", leaf{Any: func() {}}, "a func cannot be written"},
		{"pointer to a number", []*int{&n}, "a pointer to a int cannot be written"},
		{"complex", []complex128{1i}, "a complex128 cannot be written"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Vars("v", tc.v)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}
