// Package golit writes a Go value as Go source: declarations that, once
// compiled, make a value reflect.DeepEqual to the one written, with the
// same pointers shared. kmdash writes its embedded pack this way when it
// is built, so that no start pays for parsing YAML. It works by reflection
// alone, so a field or a type added to the model needs no change here.
//
// It writes plain data: structs with exported fields, pointers to them,
// slices, arrays, maps, strings, booleans and numbers. A cycle, an
// unexported field that is set, a function, a channel or a complex number
// is an error rather than a silent loss.
package golit

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Vars returns Go source declaring the package-level variable name with
// the value v, and the import paths it refers to. A pointer that v reaches
// more than once gets a variable of its own, name1, name2 and on, which
// every place that holds it refers to, so it stays one pointer. Struct
// fields that hold their zero value are left out; nil and empty slices and
// maps are told apart, as reflect.DeepEqual tells them apart. Literals are
// laid out one element to a line; go/format indents them.
func Vars(name string, v any) (src string, imports map[string]string, err error) {
	st := &state{
		imports: map[string]string{}, uses: map[pointer]int{},
		names: map[pointer]string{}, base: name,
	}
	root := reflect.ValueOf(v)
	if err := st.count(root, map[pointer]bool{}, name); err != nil {
		return "", nil, err
	}
	w := &writer{state: st}
	w.b.WriteString("var " + name + " = ")
	if err := w.value(root, false, name); err != nil {
		return "", nil, err
	}
	w.b.WriteString("\n")
	// Writing a shared pointer's literal may meet more shared pointers.
	for i := 0; i < len(st.pending); i++ {
		p := st.pending[i]
		w.b.WriteString("\nvar " + st.names[key(p)] + " = ")
		if err := w.literal(p, false, st.names[key(p)]); err != nil {
			return "", nil, err
		}
		w.b.WriteString("\n")
	}
	return w.b.String(), st.imports, nil
}

// pointer is a pointer's identity: its address and type, since a struct
// and its first field share an address.
type pointer struct {
	addr uintptr
	typ  reflect.Type
}

func key(v reflect.Value) pointer { return pointer{v.Pointer(), v.Type()} }

// state is what all of one Vars call's writers share.
type state struct {
	imports map[string]string // import path → package name
	uses    map[pointer]int   // how often each pointer is reached
	names   map[pointer]string
	pending []reflect.Value // shared pointers named, their literals not yet written
	base    string
}

type writer struct {
	b strings.Builder
	*state
}

// count walks v, counting how often each pointer is reached, and refuses
// a cycle, which package-level variables cannot spell.
func (st *state) count(v reflect.Value, onPath map[pointer]bool, path string) error {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		p := key(v)
		if onPath[p] {
			return fmt.Errorf("%s points back to an enclosing value; a cycle cannot be written", path)
		}
		if st.uses[p]++; st.uses[p] > 1 {
			return nil
		}
		onPath[p] = true
		defer delete(onPath, p)
		return st.count(v.Elem(), onPath, path)
	case reflect.Interface:
		if !v.IsNil() {
			return st.count(v.Elem(), onPath, path)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if err := st.count(v.Field(i), onPath, path+"."+v.Type().Field(i).Name); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := st.count(v.Index(i), onPath, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if err := st.count(iter.Key(), onPath, path+"[key]"); err != nil {
				return err
			}
			if err := st.count(iter.Value(), onPath, fmt.Sprintf("%s[%v]", path, iter.Key())); err != nil {
				return err
			}
		}
	}
	return nil
}

// typ is the Go spelling of t, recording the package it comes from.
func (w *writer) typ(t reflect.Type) (string, error) {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name(), nil
		}
		if strings.ContainsAny(t.Name(), "[]") {
			return "", fmt.Errorf("generic type %s is not supported", t)
		}
		// reflect spells a named type with its package's declared name.
		name, _, _ := strings.Cut(t.String(), ".")
		w.imports[t.PkgPath()] = name
		return name + "." + t.Name(), nil
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		elem, err := w.typ(t.Elem())
		prefix := map[reflect.Kind]string{reflect.Pointer: "*", reflect.Slice: "[]"}[t.Kind()]
		if t.Kind() == reflect.Array {
			prefix = "[" + strconv.Itoa(t.Len()) + "]"
		}
		return prefix + elem, err
	case reflect.Map:
		key, err := w.typ(t.Key())
		if err != nil {
			return "", err
		}
		elem, err := w.typ(t.Elem())
		return "map[" + key + "]" + elem, err
	}
	return "", fmt.Errorf("type %s is not supported", t)
}

// value writes v. elided is true where the enclosing composite literal
// already names v's type (a slice, array or map element), so that a
// struct is written {…} and a pointer to one {…} as well.
func (w *writer) value(v reflect.Value, elided bool, path string) error {
	switch v.Kind() {
	case reflect.Bool:
		w.b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint8:
		// A byte is usually a character, such as a formula's operator.
		if c := v.Uint(); c >= ' ' && c < utf8.RuneSelf && c != '\'' && c != '\\' {
			w.b.WriteString("'" + string(rune(c)) + "'")
		} else {
			w.b.WriteString(strconv.FormatUint(c, 10))
		}
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		return w.float(v)
	case reflect.String:
		w.b.WriteString(strconv.Quote(v.String()))
	case reflect.Pointer:
		return w.pointer(v, elided, path)
	case reflect.Struct:
		return w.structure(v, elided, path)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			w.b.WriteString("nil")
			return nil
		}
		return w.list(v, elided, path)
	case reflect.Map:
		if v.IsNil() {
			w.b.WriteString("nil")
			return nil
		}
		return w.mapping(v, elided, path)
	case reflect.Interface:
		if v.IsNil() {
			w.b.WriteString("nil")
			return nil
		}
		return w.boxed(v.Elem(), path)
	default:
		return fmt.Errorf("%s: a %s cannot be written as Go source", path, v.Kind())
	}
	return nil
}

// float writes the shortest decimal that reads back as the same float;
// the values no constant can spell (negative zero, infinities, NaN) are
// written as calls, converted when the type is not float64.
func (w *writer) float(v reflect.Value) error {
	bits := 64
	if v.Kind() == reflect.Float32 {
		bits = 32
	}
	f := v.Float()
	var call string
	switch {
	case math.IsNaN(f):
		call = "math.NaN()"
	case math.IsInf(f, 0):
		call = fmt.Sprintf("math.Inf(%d)", int(math.Copysign(1, f)))
	case f == 0 && math.Signbit(f):
		call = "math.Copysign(0, -1)"
	default:
		w.b.WriteString(strconv.FormatFloat(f, 'g', -1, bits))
		return nil
	}
	w.imports["math"] = "math"
	if v.Type() == reflect.TypeFor[float64]() {
		w.b.WriteString(call)
		return nil
	}
	t, err := w.typ(v.Type())
	w.b.WriteString(t + "(" + call + ")")
	return err
}

func (w *writer) pointer(v reflect.Value, elided bool, path string) error {
	if v.IsNil() {
		w.b.WriteString("nil")
		return nil
	}
	if p := key(v); w.uses[p] > 1 {
		name, ok := w.names[p]
		if !ok {
			name = w.base + strconv.Itoa(len(w.names)+1)
			w.names[p] = name
			w.pending = append(w.pending, v)
		}
		w.b.WriteString(name)
		return nil
	}
	return w.literal(v, elided, path)
}

// literal writes &T{…}, or {…} where the context names the type.
func (w *writer) literal(v reflect.Value, elided bool, path string) error {
	switch v.Elem().Kind() {
	case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
	default:
		return fmt.Errorf("%s: a pointer to a %s cannot be written as a literal", path, v.Elem().Kind())
	}
	if !elided {
		w.b.WriteString("&")
	}
	return w.value(v.Elem(), elided, path)
}
