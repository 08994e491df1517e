// Package schema holds the JSON Schema (draft 2020-12) of the timeline/v1
// format, which editors' tools use to check files as they type and the
// server serves at /schema/timeline-v1.json. The data package's tests prove
// that it and the Go validator agree.
package schema

import _ "embed"

// TimelineV1 is the schema of timeline/v1 files.
//
//go:embed timeline-v1.json
var TimelineV1 []byte
