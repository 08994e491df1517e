package server

import (
	"bytes"
	"context"
	"html"
	"net/url"
	"slices"
	"strings"

	"github.com/liaison-timeline/liaison/app"
)

// A page carries the API's answers to the requests its first view makes
// (app.PageDataClass): the WebAssembly draws from them as soon as it
// starts, instead of asking the server and waiting for the answer first.
// Each is a <script type="application/json"> element, which the browser
// never runs (the CSP's script-src is untouched), written before </body>:
// the reader sees the page before it arrives.
//
// A reader whose browser never runs the WebAssembly (a crawler, scripts
// off, the .wasm blocked) downloads the answers for nothing, so they are
// written up to maxPageData only (about 2,800 relationships of liaison
// gen). Measured with liaison gen, in brotli as the page is sent
// (docs/benchmarks.md): the default timeline's answer is 5.4 KB of JSON
// and takes its page from 3.6 KB to 4.7 KB; 1,000 relationships, 371 KB
// of JSON, from 12.9 KB to 41.7 KB; 10,000 relationships, 3.7 MB of JSON,
// would add 300 KB to a page of 14 KB (a 20-fold page for a reader
// without the WebAssembly) and are fetched instead, but one person's part
// of them (62 KB of JSON, every person for the search) takes the page
// from 5.7 KB to 16.3 KB. The page cache keeps the answers with the page.
const maxPageData = 1 << 20

// maxPageDataItems bounds the people, relationships and events encoded
// for a page's data, before its bytes are known: every item takes 20
// bytes of JSON at least, so more could not fit in maxPageData, and a
// page of 100,000 relationships does not encode 39 MB to find out.
const maxPageDataItems = maxPageData / 20

// pageData is the data blocks of the page of the view at page (see
// pageView): the answers of the API requests that the browser's library
// makes for that view (app.TimelinesAPIPath, app.TimelineAPIPath), or
// none when they would be over maxPageData; for a view of everyone, the
// first chunk of lanes then (app.TimelineLanesAPIPath), or its empty
// block. static says that the page is
// for a static export, whose library asks for whole timelines only.
func (st *serverState) pageData(page *url.URL, static bool) []byte {
	var paths, keys []string
	var answers []apiAnswer
	id := timelineID(page.Path)
	if page.Path == "/" {
		paths, keys, answers = append(paths, app.TimelinesAPIPath), append(keys, summariesKey), append(answers, summariesAnswer(st.library))
		id = ""
		if all := st.library.Timelines(); len(all) == 1 {
			id = all[0].ID // / shows the only timeline
		}
	}
	if t, ok := st.library.Timeline(id); ok {
		people := app.ParseViewState(page.Query()).People
		if static {
			people = nil
		}
		a, err := timelineAnswer(t, people, true)
		if err != nil {
			return nil // a person the timeline lacks: the page is a 404
		}
		people = slices.Sorted(slices.Values(people))
		if b := st.encodePageData(append(paths, app.TimelineAPIPath(id, people)), append(keys, timelineKey(id, people, len(people) > 0)), append(answers, a)); b != nil || len(people) > 0 || static {
			return b
		}
		// The whole timeline is too large for the page: the page names
		// the first chunk of its lanes, which the browser's library then
		// asks for instead of the whole, and the other chunks as the
		// reader scrolls (app.TimelineLanesAPIPath). With the chunk's
		// answer when that fits; at 100,000 relationships it does not
		// (every event, 5 MB of JSON, is in it), and the block is empty.
		path := app.TimelineLanesAPIPath(id, 0)
		if b := st.encodePageData(append(paths, path), append(keys, lanesKey(id, 0)), append(answers, st.lanesAnswer(t, 0))); b != nil {
			return b
		}
		return []byte(dataBlockStart(path) + "</script>\n")
	}
	return st.encodePageData(paths, keys, answers)
}

// dataBlockStart is the start tag of the data block of the API request
// path.
func dataBlockStart(path string) string {
	return `<script type="application/json" class="` + app.PageDataClass + `" ` +
		app.PageDataAttr + `="` + html.EscapeString(path) + `">`
}

// encodePageData is the data blocks of the answers to the requests
// paths, cached under keys, or nil when they are over maxPageData.
func (st *serverState) encodePageData(paths, keys []string, answers []apiAnswer) []byte {
	var b bytes.Buffer
	items := 0
	for i, a := range answers {
		if items += a.items; items > maxPageDataItems {
			return nil
		}
		// encodeJSON escapes <, > and & (as \u003c…): no text of a
		// timeline can end the element (</script>) or change how the
		// browser reads it (<!--). The answer is the API's, under the
		// API's key: /, /t/{id} and /embed/{id}, in every hour, encode
		// it once per version, and a later fetch of it is not encoded
		// again either.
		answer, err := st.api.get(context.Background(), keys[i], func() ([]byte, error) {
			st.api.encodes.Add(1)
			return encodeJSON(a.value), nil
		})
		if err != nil {
			return nil // the request making it panicked (errGone): the page goes without
		}
		b.WriteString(dataBlockStart(paths[i]))
		b.Write(answer)
		b.WriteString("</script>\n")
		if b.Len() > maxPageData {
			return nil
		}
	}
	return b.Bytes()
}

// timelineID is the id in the path of a timeline's page, /t/{id} or
// /embed/{id}; "" for another path.
func timelineID(path string) string {
	for _, prefix := range []string{app.TimelinePrefix, app.EmbedPrefix} {
		if id, ok := strings.CutPrefix(path, prefix); ok {
			return id
		}
	}
	return ""
}

// withPageData is page with the data blocks written before its </body>.
func withPageData(page, blocks []byte) []byte {
	end := bytes.LastIndex(page, []byte("</body>"))
	if end < 0 || len(blocks) == 0 {
		return page
	}
	out := make([]byte, 0, len(page)+len(blocks))
	return append(append(append(out, page[:end]...), blocks...), page[end:]...)
}
