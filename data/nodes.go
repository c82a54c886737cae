package data

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/kmdash/kmdash/model"
)

// reader walks a parsed YAML tree. It records where every field sits so
// that problems found later, by model.Validate, can still be reported with
// a line and column, and it collects problems instead of stopping at the
// first, so one run of `validate` lists everything to fix.
type reader struct {
	problems []Problem
	at       map[string]token.Position
}

func newReader() *reader { return &reader{at: map[string]token.Position{}} }

func (r *reader) fail(pos token.Position, format string, args ...any) {
	r.problems = append(r.problems, Problem{Line: pos.Line, Col: pos.Column, Msg: fmt.Sprintf(format, args...)})
}

// position is where a node starts as a reader sees it: for a block
// mapping that is its first key, not the colon the parser points at.
func position(n ast.Node) token.Position {
	switch m := n.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 && !m.IsFlowStyle {
			return position(m.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return position(m.Key)
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return *tk.Position
	}
	return token.Position{Line: 1, Column: 1}
}

// mark records where the element at path sits. Anchors, aliases, tags
// and merge keys never reach the reader: checkTokens refuses them.
func (r *reader) mark(n ast.Node, path string) {
	r.at[path] = position(n)
}

// fields reads a mapping whose keys must all be among allowed. Missing
// required keys are reported at the mapping; unknown and repeated keys at
// the key itself.
func (r *reader) fields(n ast.Node, path, what string, required []string, optional ...string) map[string]ast.Node {
	r.mark(n, path)
	var pairs []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	default:
		r.fail(position(n), "%s must be a mapping of keys to values, not %s", what, describe(n))
		return nil
	}
	allowed := map[string]bool{}
	for _, k := range append(append([]string{}, required...), optional...) {
		allowed[k] = true
	}
	out := map[string]ast.Node{}
	for _, kv := range pairs {
		key := scalarText(kv.Key)
		switch {
		case !allowed[key]:
			r.fail(position(kv.Key), "unknown key %s in %s (allowed: %s)", model.Quote(key), what, strings.Join(append(append([]string{}, required...), optional...), ", "))
		case out[key] != nil:
			r.fail(position(kv.Key), "key %s appears twice in %s", model.Quote(key), what)
		default:
			out[key] = kv.Value
			r.at[path+"."+key] = position(kv.Value)
		}
	}
	for _, k := range required {
		if out[k] == nil {
			r.fail(position(n), "%s is missing %q", what, k)
		}
	}
	return out
}

// list reads a sequence.
func (r *reader) list(n ast.Node, path, what string) []ast.Node {
	if n == nil {
		return nil
	}
	r.mark(n, path)
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		r.fail(position(n), "%s must be a list, not %s", what, describe(n))
		return nil
	}
	for i, v := range seq.Values {
		r.at[fmt.Sprintf("%s[%d]", path, i)] = position(v)
	}
	return seq.Values
}

// maxValue is the most characters one value may hold: several times the
// longest note a pack has, and little enough that no screen has to lay
// out pages of one field.
const maxValue = 1000

// text reads a scalar as written. Every value is one line of printable
// text: a line break would break the layout of a card and of a Markdown
// export, and a control character (which YAML's "\e" escape can write)
// would reach the terminal of everyone watching.
func (r *reader) text(n ast.Node, path, what string) string {
	if n == nil {
		return ""
	}
	r.mark(n, path)
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode:
		r.fail(position(n), "%s must be a single value, not %s", what, describe(n))
		return ""
	case *ast.NullNode:
		r.fail(position(n), "%s is empty", what)
		return ""
	}
	s := scalarText(n)
	if length := utf8.RuneCountInString(s); length > maxValue {
		r.fail(position(n), "%s is %d characters long; a value may have at most %d", what, length, maxValue)
		return ""
	}
	for _, c := range s {
		switch {
		case c == '\n':
			r.fail(position(n), "%s holds a line break; write it on one line (a folded > block joins lines with spaces)", what)
			return ""
		case c == '\t':
			r.fail(position(n), "%s holds a tab; use spaces", what)
			return ""
		case control(c):
			r.fail(position(n), "%s holds the control character %s; a pack's text may hold none", what, runeName(c))
			return ""
		}
	}
	return s
}

// number reads a figure keeping the digits the file gives.
func (r *reader) number(n ast.Node, path, what string) model.Number {
	s := r.text(n, path, what)
	if s == "" {
		return model.Number{}
	}
	v, err := model.ParseNumber(s)
	if err != nil {
		r.fail(position(n), "%s: %v", what, err)
	}
	return v
}

// integer reads a whole number within [lo, hi].
func (r *reader) integer(n ast.Node, path, what string, lo, hi int) int {
	v := r.number(n, path, what)
	if v.Text == "" {
		return 0
	}
	i := int(v.Float)
	if float64(i) != v.Float || i < lo || i > hi {
		r.fail(position(n), "%s must be a whole number from %d to %d, not %s", what, lo, hi, v.Text)
	}
	return i
}

// flag reads true or false.
func (r *reader) flag(n ast.Node, path, what string) bool {
	if n == nil {
		return false
	}
	r.mark(n, path)
	b, ok := n.(*ast.BoolNode)
	if !ok {
		r.fail(position(n), "%s must be true or false", what)
		return false
	}
	return b.Value
}

// bilingual reads {zh: …, en: …}, or one string used for both languages
// (units such as "%" read the same in each).
func (r *reader) bilingual(n ast.Node, path, what string) model.Text {
	if n == nil {
		return model.Text{}
	}
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		f := r.fields(n, path, what, []string{"zh"}, "en")
		return model.Text{Zh: r.text(f["zh"], path+".zh", what+".zh"), En: r.text(f["en"], path+".en", what+".en")}
	}
	s := r.text(n, path, what)
	return model.Text{Zh: s, En: s}
}

// period reads "YYYY-MM/YYYY-MM".
func (r *reader) period(n ast.Node, path, what string) model.Period {
	s := r.text(n, path, what)
	if s == "" {
		return model.Period{}
	}
	p, err := model.ParsePeriod(s)
	if err != nil {
		r.fail(position(n), "%v", err)
	}
	return p
}

func (r *reader) months(n ast.Node, path, what string) []int {
	var out []int
	for i, v := range r.list(n, path, what) {
		out = append(out, r.integer(v, fmt.Sprintf("%s[%d]", path, i), what, 1, 12))
	}
	return out
}

func (r *reader) texts(n ast.Node, path, what string) []string {
	var out []string
	for i, v := range r.list(n, path, what) {
		out = append(out, r.text(v, fmt.Sprintf("%s[%d]", path, i), what))
	}
	return out
}

func scalarText(n ast.Node) string {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value
	case *ast.LiteralNode:
		return strings.TrimRight(v.Value.Value, "\n")
	case *ast.NullNode:
		return ""
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "nothing"
	}
	return "the value " + model.Quote(scalarText(n))
}
