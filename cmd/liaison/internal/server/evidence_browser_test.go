//go:build built

package server

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/liaison-timeline/liaison/data"
)

// TestBrowserVerifiedQuotes opens a relationship's details on the default
// timeline, whose quotes the server has found in the article, on a phone
// in both colour schemes, with the WebAssembly and with it blocked: each
// quote says it was verified against the source, and its passage opens in
// context, the sentence before and after it, as text; the two accounts of
// when James Norton and Imogen Poots began are listed, each with its
// quote and source, and striped on the chart. The list view says how many
// of a relationship's quotes were verified. A correction of the timeline
// (added to it here) is at the foot of the page and of the embed, with
// every correction and update on request.
func TestBrowserVerifiedQuotes(t *testing.T) {
	srv := startServer(t, correctedTimelineDir(t))
	for _, mode := range []struct {
		name  string
		setup chromedp.Action
		ready chromedp.Action
		// interactive is main's data-interactive once the page is ready.
		interactive string
	}{
		{"WebAssembly", chromedp.Tasks{}, waitInteractive(), "true"},
		{"no WebAssembly", blockWasm(), chromedp.WaitVisible(`main.liaison`, chromedp.ByQuery), "false"},
	} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(mode.name+"/"+scheme, func(t *testing.T) {
				b := newBrowser(t, 360, 800)
				b.run(t, colorScheme(scheme), mode.setup,
					chromedp.Navigate(srv.URL+timelineURL+"?rel=james-norton-imogen-poots"), mode.ready)
				var interactive string
				b.eval(t, `document.querySelector("main").dataset.interactive`, &interactive)
				if interactive != mode.interactive {
					t.Fatalf("main's data-interactive = %q, want %q: this tests another page than it says", interactive, mode.interactive)
				}
				// Every quote of the details is marked verified.
				var quotes, marks int
				b.eval(t, `document.querySelectorAll("#details .evidence__item").length`, &quotes)
				b.eval(t, `[...document.querySelectorAll("#details .evidence__item .verified")].filter(m => m.textContent.includes("Verified against the source") && m.offsetWidth > 0).length`, &marks)
				if quotes < 5 || marks != quotes {
					t.Fatalf("%d of the details' %d quotes are marked verified against the source, want all (at least 5)", marks, quotes)
				}
				// The passage of the first phase's quote opens in context.
				const summary = `#details .details__phase .evidence__context summary`
				var hidden bool
				b.eval(t, `(p => !p.closest("details").open && !p.checkVisibility())(document.querySelector("#details .details__phase .evidence__passage"))`, &hidden)
				if !hidden {
					t.Fatal("the passage is shown before the reader opens it")
				}
				b.click(t, "open the passage in context", summary)
				b.waitFor(t, "the passage in context", `(p => !!p && p.closest("details").open && p.checkVisibility() && p.offsetHeight > 0)(document.querySelector("#details .details__phase .evidence__passage"))`)
				var passage struct{ Text, Marked string }
				// The server's HTML is indented: the page shows its whitespace as
				// single spaces.
				b.eval(t, `(p => ({Text: p.textContent.replace(/\s+/g, " ").trim(), Marked: p.querySelector("mark").textContent}))(document.querySelector("#details .details__phase .evidence__passage"))`, &passage)
				wantMarked := "Between 2018 and 2023, James and Imogen were in a relationship."
				want := "James Norton and Imogen Poots’ split " + wantMarked + " They even got engaged in 2022."
				if passage.Marked != wantMarked || passage.Text != want {
					t.Errorf("the passage reads %q with %q marked, want %q with %q marked", passage.Text, passage.Marked, want, wantMarked)
				}
				b.screenshot(t, fmt.Sprintf("verified-quote-%s-%s.png", strings.ReplaceAll(mode.name, " ", "-"), scheme))
				checkAccounts(t, b)
				checkCorrection(t, b, fmt.Sprintf("correction-page-%s-%s.png", strings.ReplaceAll(mode.name, " ", "-"), scheme))
				b.run(t, chromedp.Navigate(srv.URL+"/embed/james-norton"), mode.ready)
				checkCorrection(t, b, fmt.Sprintf("correction-embed-%s-%s.png", strings.ReplaceAll(mode.name, " ", "-"), scheme))

				// The list view counts the verified quotes.
				b.run(t, chromedp.Navigate(srv.URL+timelineURL+"?view=list"), mode.ready)
				b.waitFor(t, "the list view", `!!document.querySelector(".list-view")`)
				var counts []string
				b.eval(t, `[...document.querySelectorAll(".list-view__table tbody tr td:last-child")].slice(0, 3).map(td => td.textContent)`, &counts)
				for _, c := range counts {
					if !strings.HasSuffix(c, "all verified against the source") && c != "1 quote, verified against the source" {
						t.Errorf("the list view says %q of a relationship's quotes, want them all verified against the source", c)
					}
				}
				if len(counts) != 3 {
					t.Errorf("the list view has %d relationships' quote counts, want 3: %q", len(counts), counts)
				}
				if mode.interactive == "true" {
					b.checkConsole(t) // blocked, the WebAssembly's fetch fails aloud
				}
			})
		}
	}
}

// correctedTimelineDir is a data directory of the default timeline, with
// its source's text, and a correction and an update of it.
func correctedTimelineDir(t *testing.T) string {
	t.Helper()
	src := readDefaultTimeline(t)
	const sources = `"sources": [`
	if !strings.Contains(src, sources) {
		t.Fatalf("the default timeline has no %s", sources)
	}
	src = strings.Replace(src, sources, `"updates": [
    {"date": "2025-08-02", "kind": "correction", "text": "An earlier version said they met in 2017; the article says they were together from 2018."},
    {"date": "2025-07-20", "kind": "update", "text": "Added the Lido festival sighting."}
  ],
  `+sources, 1)
	article, err := os.ReadFile("../../../../data/timelines/sources/ed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"james-norton.json": src})
	if err := os.Mkdir(filepath.Join(dir, data.SourcesDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, data.SourcesDir, "ed-article.txt"), article, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// checkAccounts checks the details of James Norton and Imogen Poots, open
// in b: their first phase lists both accounts of when it began, each with
// its verified quote and source, and their bar stripes the span between
// them, as the legend says.
func checkAccounts(t *testing.T, b *browser) {
	t.Helper()
	type account struct {
		Date, Quote, Source string
		Verified, Visible   bool
	}
	var heading string
	var accounts []account
	b.eval(t, `(document.querySelector("#details .details__phase .accounts__heading") || {}).textContent`, &heading)
	b.eval(t, `[...document.querySelectorAll("#details .details__phase .accounts__item")].map(li => ({
		Date: li.querySelector(".accounts__date").textContent,
		Quote: li.querySelector(".evidence__quote").textContent,
		Source: li.querySelector(".source").textContent,
		Verified: !!li.querySelector(".verified"),
		Visible: li.checkVisibility() && li.offsetHeight > 0}))`, &accounts)
	want := []account{
		{"2018, according to:", "Between 2018 and 2023, James and Imogen were in a relationship.", "ED!", true, true},
		{"2017, inferred from:", "were together for six years before splitting in 2023", "ED!", true, true},
	}
	if heading != "Accounts of this date differ:" || !slices.Equal(accounts, want) {
		t.Errorf("the details' first phase says %q, with the accounts\n%+v\nwant %q with\n%+v", heading, accounts, "Accounts of this date differ:", want)
	}
	var striped struct{ Width, Legend float64 }
	b.eval(t, `({Width: (s => s ? s.getBoundingClientRect().width : 0)(document.querySelector('.bar[data-relationship="james-norton-imogen-poots"] .segment__contested')),
		Legend: [...document.querySelectorAll(".legend__item")].filter(i => i.textContent.replace(/\s+/g, " ").trim() == "Sources differ on the date (striped)" && i.querySelector(".legend__swatch--contested").offsetWidth > 0).length})`, &striped)
	if striped.Width < 5 || striped.Legend != 1 {
		t.Errorf("the bar's stripes of 2017–2018 are %.1f px wide and the legend names them %v times, want some and once", striped.Width, striped.Legend)
	}
	b.eval(t, `document.querySelector("#details .accounts").scrollIntoView({block: "center"})`, nil)
}

// checkCorrection checks the foot of the page open in b: the latest
// correction, and both notes when the reader asks for them all.
func checkCorrection(t *testing.T, b *browser, screenshot string) {
	t.Helper()
	const latest = "Corrected on 2 August 2025: An earlier version said they met in 2017; the article says they were together from 2018."
	b.waitFor(t, "the latest correction", `(p => !!p && p.checkVisibility() && p.textContent == `+strconv.Quote(latest)+`)(document.querySelector(".updates__latest"))`)
	var hidden bool
	b.eval(t, `!document.querySelector(".updates__list").checkVisibility()`, &hidden)
	if !hidden {
		t.Error("every correction and update is listed before the reader asks")
	}
	// A printout lists them all, with nothing to click.
	var printed struct{ List, Summary bool }
	b.run(t, emulation.SetEmulatedMedia().WithMedia("print"))
	b.eval(t, `({List: document.querySelector(".updates__list").checkVisibility(), Summary: document.querySelector(".updates__all summary").checkVisibility()})`, &printed)
	b.run(t, emulation.SetEmulatedMedia().WithMedia("screen"))
	if !printed.List || printed.Summary {
		t.Errorf("in print, every correction and update is shown: %v, and the summary to click: %v; want shown, and no summary", printed.List, printed.Summary)
	}
	b.click(t, "list every correction and update", ".updates__all summary")
	b.waitFor(t, "every correction and update", `document.querySelector(".updates__list").checkVisibility()`)
	want := []string{latest, "Updated on 20 July 2025: Added the Lido festival sighting."}
	if got := b.texts(t, ".updates__item"); !slices.Equal(got, want) {
		t.Errorf("the corrections and updates are %q, want %q, the latest first", got, want)
	}
	if got := b.texts(t, ".updates__all summary"); !slices.Equal(got, []string{"All 2 corrections and updates"}) {
		t.Errorf("the list of corrections and updates opens with %q", got)
	}
	b.eval(t, `document.querySelector(".updates").scrollIntoView({block: "center"})`, nil)
	b.viewScreenshot(t, screenshot)
}

// TestBrowserDefaultTimelineEndsWithItsSource walks the default
// timeline's page and embed, with the WebAssembly and with it blocked:
// no bar or marker reaches past the month of the article, July 2025, and
// no date the page writes (its text, its labels for screen readers, its
// tooltips) is later. James Norton and Lily Allen are together as of
// then, their bar ending there, where it fades and a dashed line closes it.
func TestBrowserDefaultTimelineEndsWithItsSource(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	for _, mode := range []struct {
		name         string
		setup, ready chromedp.Action
	}{
		{"WebAssembly", chromedp.Tasks{}, waitInteractive()},
		{"no WebAssembly", blockWasm(), chromedp.WaitVisible(`main.liaison`, chromedp.ByQuery)},
	} {
		for _, path := range []string{timelineURL, "/embed/james-norton", timelineURL + "?view=list"} {
			t.Run(mode.name+path, func(t *testing.T) {
				b.run(t, mode.setup, chromedp.Navigate(srv.URL+path), mode.ready)
				var page struct {
					// End is the x of 1 August 2025, from the gridlines of
					// the years 2024 and 2025; Right the right edges of the
					// bars and of the markers' spans.
					End    float64
					Bars   []float64
					Spans  []float64
					AsOf   []string
					Texts  []string
					Charts int
				}
				b.eval(t, `(() => {
					const ticks = [...document.querySelectorAll(".tick")].map(t => t.textContent.trim());
					const grid = [...document.querySelectorAll(".chart__grid .gridline")].map(g => g.getBoundingClientRect().left);
					const x2024 = grid[ticks.indexOf("2024")], x2025 = grid[ticks.indexOf("2025")];
					const days = (Date.UTC(2025, 7, 1) - Date.UTC(2025, 0, 1)) / 864e5;
					const visible = e => e.checkVisibility() && e.getBoundingClientRect().width > 0;
					const main = document.querySelector("main").cloneNode(true);
					main.querySelectorAll("script").forEach(s => s.remove());
					const texts = [main.textContent];
					for (const e of document.querySelectorAll("[aria-label], [title], [aria-valuetext]"))
						texts.push(e.getAttribute("aria-label") || "", e.getAttribute("title") || "", e.getAttribute("aria-valuetext") || "");
					texts.push(document.title, (document.querySelector('meta[name="description"]') || {}).content || "");
					return {
						End: x2025 + (x2025 - x2024) * days / 365,
						Bars: [...document.querySelectorAll(".bar")].filter(visible).map(b => b.getBoundingClientRect().right),
						Spans: [...document.querySelectorAll(".marker-span__range, .marker")].filter(visible).map(m => m.getBoundingClientRect().right),
						AsOf: [...document.querySelectorAll(".bar--as-of")].filter(visible).map(b => b.dataset.relationship + " " + Math.round(b.getBoundingClientRect().right)),
						Texts: texts,
						Charts: document.querySelectorAll(".chart__grid").length,
					};
				})()`, &page)
				if strings.Contains(path, "view=list") {
					// The list view hides the chart: its words alone.
					page.Bars, page.Spans, page.AsOf = nil, nil, nil
				} else {
					if page.End <= 0 || len(page.Bars) != 6 {
						t.Fatalf("the chart's 1 August 2025 is at x %.1f, with %d bars: want a chart of 2024 and 2025 and six bars", page.End, len(page.Bars))
					}
					for _, right := range page.Bars {
						if right > page.End+1 {
							t.Errorf("a bar ends at x %.1f, past the article's July 2025 (x %.1f)", right, page.End)
						}
					}
					// A marker's circle is centred on its date: its half
					// may reach past the month.
					for _, right := range page.Spans {
						if right > page.End+12 {
							t.Errorf("an event's marker or span ends at x %.1f, past the article's July 2025 (x %.1f)", right, page.End)
						}
					}
					want := []string{
						fmt.Sprintf("james-norton-lily-allen %d", int(page.End+.5)),
						fmt.Sprintf("james-norton-lily-allen %d", int(page.End+.5)),
					}
					if !slices.EqualFunc(page.AsOf, want, func(a, b string) bool { return nearX(a, b) }) {
						t.Errorf("the bars drawn as of their latest source, with their right edges: %q, want %q", page.AsOf, want)
					}
				}
				text := strings.Join(page.Texts, "\n")
				if later := datesAfter(text, 2025, time.July); len(later) > 0 {
					t.Errorf("the page writes dates after the article of July 2025: %q", later)
				}
				if !strings.Contains(text, "together as of July 2025") {
					t.Error("the page does not say James Norton and Lily Allen are together as of July 2025")
				}
				if path == timelineURL {
					b.screenshot(t, "as-of-"+strings.ReplaceAll(mode.name, " ", "-")+".png")
				}
				if mode.name == "WebAssembly" {
					b.checkConsole(t) // blocked, the WebAssembly's fetch fails aloud
				}
			})
		}
	}
}

// nearX reports whether a and b, "id x", name the same relationship at x
// within a pixel.
func nearX(a, b string) bool {
	idA, xA, _ := strings.Cut(a, " ")
	idB, xB, _ := strings.Cut(b, " ")
	x1, _ := strconv.Atoi(xA)
	x2, _ := strconv.Atoi(xB)
	return idA == idB && x1-x2 <= 1 && x2-x1 <= 1
}

// datesAfter lists the dates in text after the month of year: years in
// digits, and months of that year by their English names, long and short.
func datesAfter(text string, year int, month time.Month) []string {
	var later []string
	for _, y := range regexp.MustCompile(`\b(1[89]|2[0-9])\d\d\b`).FindAllString(text, -1) {
		if n, _ := strconv.Atoi(y); n > year {
			later = append(later, y)
		}
	}
	for m := month + 1; m <= time.December; m++ {
		for _, name := range []string{m.String(), m.String()[:3]} {
			if at := regexp.MustCompile(`\b` + name + `\b[^0-9]{0,3}` + strconv.Itoa(year)).FindString(text); at != "" {
				later = append(later, at)
			}
		}
	}
	return later
}
