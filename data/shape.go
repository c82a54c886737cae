package data

import (
	"fmt"

	"github.com/goccy/go-yaml/token"
)

// Bounds on a pack's shape, checked on the lexer's tokens before the
// parser builds a tree. goccy/go-yaml's parser takes time that grows with
// the square of the nesting depth, of the keys in one block mapping and of
// the documents in a file, so a file of a few hundred kilobytes could keep
// it busy for minutes; and nesting deep enough overflows the stack, which
// no recover catches. The shipped pack nests 6 deep, its largest mapping
// has 11 keys and it is one document.
const (
	maxDepth   = 64
	maxKeys    = 100
	maxMarkers = 8 // "---" and "..." lines
)

// level is one block collection open at a column, with the keys seen in
// it so far.
type level struct{ col, keys int }

// checkTokens refuses the YAML features a pack has no use for, so that what
// a reader sees in the file is exactly what kmdash reads (and an alias can
// never be expanded into a billion laughs), and the shapes above.
//
// A block collection is open from the column of its first entry until a
// line starts further left, so the open ones are the rising columns of
// the entries seen since: a line's first token, and on the same line a
// "- " or "? " or a key that opens a collection within the one before.
// Flow nesting is counted bracket by bracket. Either count can only
// overstate the nesting and the keys of a mapping, never understate them.
func checkTokens(tks token.Tokens) []Problem {
	var (
		problems []Problem
		open     []level
		flow     int
		line     int
		markers  int
	)
	at := func(tk *token.Token, format string, args ...any) {
		problems = append(problems, Problem{Line: tk.Position.Line, Col: tk.Position.Column, Msg: fmt.Sprintf(format, args...)})
	}
	for i, tk := range tks {
		if tk.Position == nil {
			continue
		}
		switch tk.Type {
		case token.CommentType:
			continue
		case token.AnchorType, token.AliasType:
			at(tk, "anchors and aliases (&name, *name) are not supported; write the value out")
			continue
		case token.TagType:
			at(tk, "tags such as !!str are not supported")
			continue
		case token.MergeKeyType:
			at(tk, "merge keys (<<) are not supported")
			continue
		case token.DocumentHeaderType, token.DocumentEndType:
			if markers++; markers > maxMarkers {
				at(tk, "a pack is one YAML document; this file has more than %d --- or ... lines", maxMarkers)
				return problems
			}
		}
		first := tk.Position.Line != line
		line = tk.Position.Line
		entry := tk.Type == token.SequenceEntryType
		key := i+1 < len(tks) && tks[i+1].Type == token.MappingValueType
		if col := tk.Position.Column; flow == 0 && (first || entry || key || tk.Type == token.MappingKeyType) {
			if first {
				for len(open) > 0 && open[len(open)-1].col > col {
					open = open[:len(open)-1]
				}
			}
			if len(open) == 0 || open[len(open)-1].col < col {
				open = append(open, level{col: col})
			}
			if top := &open[len(open)-1]; !entry {
				if top.keys++; top.keys > maxKeys {
					at(tk, "more than %d keys in one mapping; a pack's mappings have a dozen at most", maxKeys)
					return problems
				}
			}
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(0, flow-1)
		}
		if depth := len(open) + flow; depth > maxDepth {
			at(tk, "nested more than %d deep; a pack needs fewer than 10 levels", maxDepth)
			return problems
		}
	}
	return problems
}
