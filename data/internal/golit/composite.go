package golit

import (
	"fmt"
	"math"
	"reflect"
	"sort"
)

// The composite literals: structs, slices and arrays, maps, and the
// values held in interfaces.

// blank reports whether v is its type's zero value, bit for bit: unlike
// reflect's IsZero, a negative zero is not blank, so it is written.
func blank(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		return math.Float64bits(v.Float()) == 0
	case reflect.Struct:
		for i := range v.NumField() {
			if !blank(v.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Array:
		for i := range v.Len() {
			if !blank(v.Index(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

// open writes the type of a composite literal, unless the context gives
// it, and its opening brace.
func (w *writer) open(t reflect.Type, elided bool) error {
	if !elided {
		s, err := w.typ(t)
		if err != nil {
			return err
		}
		w.b.WriteString(s)
	}
	w.b.WriteString("{")
	return nil
}

func (w *writer) structure(v reflect.Value, elided bool, path string) error {
	if err := w.open(v.Type(), elided); err != nil {
		return err
	}
	// A struct of plain values (a bilingual text, a month) stays on one
	// line; anything holding more gets a line per field.
	flat := true
	for i := range v.NumField() {
		if k := v.Field(i).Kind(); k >= reflect.Array && k != reflect.String {
			flat = false
		}
	}
	sep := ",\n"
	if flat {
		sep = ", "
	}
	if !flat {
		w.b.WriteString("\n")
	}
	n := 0
	for i := range v.NumField() {
		f, fv := v.Type().Field(i), v.Field(i)
		if blank(fv) {
			continue
		}
		if !f.IsExported() {
			return fmt.Errorf("%s.%s is unexported and cannot be set from another package", path, f.Name)
		}
		if flat && n > 0 {
			w.b.WriteString(sep)
		}
		w.b.WriteString(f.Name + ": ")
		if err := w.value(fv, false, path+"."+f.Name); err != nil {
			return err
		}
		if !flat {
			w.b.WriteString(sep)
		}
		n++
	}
	w.b.WriteString("}")
	return nil
}

func (w *writer) list(v reflect.Value, elided bool, path string) error {
	if err := w.open(v.Type(), elided); err != nil {
		return err
	}
	if v.Len() > 0 {
		w.b.WriteString("\n")
	}
	for i := range v.Len() {
		if err := w.value(v.Index(i), true, fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
		w.b.WriteString(",\n")
	}
	w.b.WriteString("}")
	return nil
}

// mapping writes a map's entries in the order of their written keys, so
// the same map is always written the same way.
func (w *writer) mapping(v reflect.Value, elided bool, path string) error {
	if err := w.open(v.Type(), elided); err != nil {
		return err
	}
	type entry struct{ key, value string }
	var entries []entry
	for _, k := range v.MapKeys() {
		kw := &writer{state: w.state}
		if err := kw.value(k, true, path+"[key]"); err != nil {
			return err
		}
		vw := &writer{state: w.state}
		if err := vw.value(v.MapIndex(k), true, path+"["+kw.b.String()+"]"); err != nil {
			return err
		}
		entries = append(entries, entry{kw.b.String(), vw.b.String()})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	if len(entries) > 0 {
		w.b.WriteString("\n")
	}
	for _, e := range entries {
		w.b.WriteString(e.key + ": " + e.value + ",\n")
	}
	w.b.WriteString("}")
	return nil
}

// boxed writes the value held in an interface, which must carry its
// type: T(constant) for basic kinds, a typed literal for the rest.
func (w *writer) boxed(v reflect.Value, path string) error {
	if v.Kind() >= reflect.Array && v.Kind() != reflect.String {
		return w.value(v, false, path)
	}
	t, err := w.typ(v.Type())
	if err != nil {
		return err
	}
	w.b.WriteString(t + "(")
	if err := w.value(v, false, path); err != nil {
		return err
	}
	w.b.WriteString(")")
	return nil
}
