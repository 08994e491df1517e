//go:build built

package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserVerifiedQuotes opens a relationship's details on the default
// timeline, whose quotes the server has found in the article, on a phone
// in both colour schemes, with the WebAssembly and with it blocked: each
// quote says it was verified against the source, and its passage opens in
// context, the sentence before and after it, as text. The list view says
// how many of a relationship's quotes were verified.
func TestBrowserVerifiedQuotes(t *testing.T) {
	srv := startServer(t, "")
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
