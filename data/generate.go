package data

// The embedded pack is decoded when kmdash is built, not when it starts:
// pack_gen.go holds the *model.Pack that Load makes of packs/*.yaml, as a
// Go literal, so no start parses YAML (which took about 11 ms and 2.8 MB
// of every start; see BENCHMARKS.md). The YAML stays the source people
// edit; after editing it, or after changing the model's types or the
// decoder, run
//
//	go generate ./data
//
// TestPrebuiltIsTheYAML fails while pack_gen.go differs from what Load
// makes of the YAML, so a stale file cannot land. The generator builds
// with the tag kmdash_packgen, which swaps pack_gen.go for pack_yaml.go.
//go:generate go run -tags kmdash_packgen ./internal/packgen -o pack_gen.go
