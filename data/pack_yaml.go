//go:build kmdash_packgen

package data

import "github.com/kmdash/kmdash/model"

// prebuilt is absent while the generator runs: Default then reads the
// YAML, and pack_gen.go, which the model may have outgrown, is not built.
var prebuilt *model.Pack
