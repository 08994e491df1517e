// Package picture draws a view of a timeline as a still picture, a PNG or
// an SVG, for the readers and sites that run no script of ours: social
// networks' link previews (a share card of 1200×630), newsletters, AMP's
// placeholder, oEmbed's thumbnail. It draws what the page draws, from
// the page's own view of the state (app.PictureOf, whose layout is
// app/plot's), in the page's colours and textures, with real fonts that
// ship with the build (fonts.go), and no browser.
//
// It is the server's alone: the WebAssembly must not carry it
// (TestWasmCarriesNoPictures).
package picture

import (
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
	"github.com/tdewolff/canvas/renderers/svg"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// Format is a picture's file format.
type Format string

// The formats a picture is drawn in.
const (
	PNG Format = "png"
	SVG Format = "svg"
)

// Kind is what a picture is: the chart of a view, or its share card.
type Kind int

const (
	// Chart is the view's chart, 1200 px wide and as tall as its lanes,
	// up to maxLanes of them.
	Chart Kind = iota
	// Card is a share card, 1200×630, of as many lanes as fit, without
	// the events' markers, which it has no room to list.
	Card
)

// Width is every picture's width, and CardHeight a share card's height:
// the size Facebook, LinkedIn and X ask of a link's large image.
const (
	Width      = 1200
	CardHeight = 630
)

// Bounds of a picture, whatever the timeline: time and memory grow with
// what is drawn, and these keep a chart of 100,000 relationships to 0.4 s
// of a core and 55 MB allocated, half of it encoding its PNG, 1200×2900
// (BenchmarkDrawHuge; the page's layout of it, app.PictureOf, takes
// 0.2 s more).
const (
	// maxLanes is how many people's lanes a chart draws, and
	// maxLanesHeight how tall they are at most: 40 lanes of one row are
	// 2,000 px, a long scroll in a newsletter; the others are counted
	// ("and 1,960 more people, on the page").
	maxLanes       = 40
	maxLanesHeight = 2400.0
	// maxBarRows and maxCardBarRows are how many rows of bars a lane draws
	// in a chart and a card.
	maxBarRows     = 4
	maxCardBarRows = 2
	// maxMarkerRows is how many rows of event markers a lane draws.
	maxMarkerRows = 2
	// maxShapes is how many bars and markers a picture draws in all.
	// Within a row, a bar whose every pixel is drawn already is left out
	// (see pixels), so a row draws at most one bar a pixel: 1,200.
	maxShapes = 20000
	// maxEvents is how many events a chart lists under its legend.
	maxEvents = 10
	// maxTextRunes is where text is cut before it is measured: a name of
	// a megabyte must not be shaped to be cut to a lane's width.
	maxTextRunes = 300
)

// Sizes in px.
const (
	titleSize  = 34.0
	margin     = 40.0
	namesWidth = 230.0 // the names' column, as the page's 11rem at 21 px
	rowHeight  = 34.0  // a row of bars: the partner's name over the band
	bandTop    = 18.0  // where the band starts in its row
	bandHeight = 12.0
	markerRow  = 28.0
	markerR    = 10.0
	lanePad    = 6.0
)

// Draw writes the picture p of kind k to w in format f. It must run where
// app's words are those of p's language (the server's renderWith).
func Draw(w io.Writer, p app.Picture, k Kind, f Format) error {
	c := layOut(p, k)
	switch f {
	case PNG:
		return png.Encode(w, rasterizer.Draw(c, canvas.DPMM(1), canvas.DefaultColorSpace))
	case SVG:
		width, height := c.Size()
		r := svg.New(w, width, height, &svg.Options{SizeUnits: "px", ImageEncoding: canvas.Lossless})
		c.RenderTo(pathText{r})
		return r.Close()
	}
	return fmt.Errorf("picture: unknown format %q", f)
}

// pathText has an SVG draw its text as paths: an SVG that names its fonts
// shows the reader's own, without Arabic shaping or the letters they
// lack, and one that embeds them is 1.6 MB.
type pathText struct{ *svg.SVG }

func (r pathText) RenderText(t *canvas.Text, m canvas.Matrix) {
	t.RenderAsPath(r, m, canvas.DefaultResolution)
}

// A palette is the page's colours in one theme (web/liaison.css).
type palette struct {
	paper, ink, muted, line, faint, accent color.RGBA
	status                                 map[data.Status]color.RGBA
	marks                                  [8]color.RGBA
}

func hex(s string) color.RGBA { return canvas.Hex(s) }

var light = palette{
	paper: hex("#fbfaf7"), ink: hex("#1d2433"), muted: hex("#555e6e"), line: hex("#dedad2"),
	faint: hex("#efece6"), accent: hex("#b8341b"),
	status: map[data.Status]color.RGBA{data.Dating: hex("#0072b2"), data.Engaged: hex("#d98c00"), data.Married: hex("#b8478f")},
	marks: [8]color.RGBA{hex("#c25400"), hex("#1d4ed8"), hex("#157a3c"), hex("#c0266d"),
		hex("#7c3aed"), hex("#946200"), hex("#0e7490"), hex("#374151")},
}

var dark = palette{
	paper: hex("#14171f"), ink: hex("#eceae4"), muted: hex("#a9afba"), line: hex("#343a47"),
	faint: hex("#1d212b"), accent: hex("#ff8a65"),
	status: map[data.Status]color.RGBA{data.Dating: hex("#56b4e9"), data.Engaged: hex("#f0b43c"), data.Married: hex("#e18ac2")},
	marks: [8]color.RGBA{hex("#f59e42"), hex("#6ea8fe"), hex("#4cc27a"), hex("#f06aa6"),
		hex("#b794f6"), hex("#e0c341"), hex("#3fc6d1"), hex("#c3c8d2")},
}

// mix is a at share (0 to 1) over b, as CSS's color-mix in srgb.
func mix(a, b color.RGBA, share float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*share + float64(y)*(1-share))) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}

// withAlpha is c at opacity a (premultiplied, as color.RGBA is).
func withAlpha(c color.RGBA, a float64) color.RGBA {
	m := func(x uint8) uint8 { return uint8(math.Round(float64(x) * a)) }
	return color.RGBA{m(c.R), m(c.G), m(c.B), m(c.A)}
}

// strength is how strongly a certainty's bars are coloured, as the
// page's .segment--reported and --rumoured.
func strength(c data.Certainty) float64 {
	switch c {
	case data.Reported:
		return .55
	case data.Rumoured:
		return .30
	}
	return 1
}

// A drawing is a picture being drawn: its canvas, from the top down.
type drawing struct {
	ctx  *canvas.Context
	p    app.Picture
	kind Kind
	pal  palette
	// scale is how much larger than a chart it is drawn (a card of few
	// lanes is larger); width and height are the picture's size before
	// it is scaled, the card's height for a chart.
	scale, width, height float64
	// chartX and chartW place the chart's time axis.
	chartX, chartW float64
	// shapes counts the bars and markers drawn (maxShapes).
	shapes int
	// undrawn says some text lost letters no font has.
	undrawn bool
}

// layOut draws p as a picture of kind k.
func layOut(p app.Picture, k Kind) *canvas.Canvas {
	pal := light
	if p.Dark {
		pal = dark
	}
	d := newDrawing(p, k, pal, 1)
	// The parts other than the lanes are measured first: a card's lanes
	// take the room that is left, a chart's the room they need.
	lanes, more, used := d.plan()
	height := float64(CardHeight)
	if k == Chart {
		height = used
	} else {
		// A card of a few lanes is drawn larger, to fill its height as
		// far as it keeps its lanes: a link's preview is a thumbnail.
		for scale := maxCardScale; scale > 1; scale -= .05 {
			larger := newDrawing(p, k, pal, scale)
			if l, m, u := larger.plan(); len(l) == len(lanes) && m == more && u <= larger.height {
				d = larger
				break
			}
		}
		height = d.height
	}

	c := canvas.New(Width, math.Ceil(height*d.scale))
	d.ctx = canvas.NewContext(c)
	d.ctx.SetCoordSystem(canvas.CartesianIV)
	d.ctx.Scale(d.scale, d.scale)
	d.rect(0, 0, d.width, height, pal.paper)

	y := d.drawHeader(k)
	y = d.drawLanes(y, lanes, k)
	if more > 0 {
		d.text(app.PictureMore(more), d.chartX, y+8, 15, false, pal.muted, d.chartW)
		y += moreHeight(more)
	}
	y = d.drawLegend(y)
	if k == Card {
		y = height - d.footerHeight(k) // the source line at the card's foot
	}
	d.drawFooter(y, k)
	return c
}

// maxCardScale is how much larger than a chart a card is drawn at most.
const maxCardScale = 1.5

// newDrawing is a drawing of p of kind k in pal, scale times as large as
// a chart: as wide and high as Width and CardHeight drawn at that scale.
func newDrawing(p app.Picture, k Kind, pal palette, scale float64) *drawing {
	width := Width / scale
	return &drawing{p: p, kind: k, pal: pal, scale: scale, width: width, height: CardHeight / scale,
		chartX: margin + namesWidth, chartW: width - 2*margin - namesWidth}
}

// plan is the lanes that d draws, how many it leaves out, and the height
// of it all.
func (d *drawing) plan() (lanes []plot.Lane, more int, height float64) {
	header, legend, footer := d.headerHeight(d.kind), d.legendHeight(), d.footerHeight(d.kind)
	lanes, more = d.lanesToDraw(d.kind, header+legend+footer)
	return lanes, more, header + d.lanesHeight(lanes, d.kind) + moreHeight(more) + legend + footer
}

// headerHeight is the room of the title, the filter's line and the axis.
func (d *drawing) headerHeight(k Kind) float64 {
	h := margin + 44 + 30 // title, axis labels
	if d.p.Showing != "" {
		h += 28
	}
	return h
}

// drawHeader draws the title, whom the view shows and the time axis's
// labels, and returns where the lanes start.
func (d *drawing) drawHeader(k Kind) float64 {
	y := margin
	// A long title is written smaller before it is cut.
	size := titleSize
	for size > .75*titleSize && textLine(cut(d.p.Title), size, true, d.pal.ink).Width > d.width-2*margin {
		size -= 2
	}
	d.textAligned(d.p.Title, y+(titleSize-size)/2, size, true, d.pal.ink)
	y += 44
	if d.p.Showing != "" {
		d.textAligned(d.p.Showing, y, 18, false, d.pal.muted)
		y += 28
	}
	for _, t := range d.p.Ticks {
		x := d.chartX + t.Percent/100*d.chartW
		if x > d.chartX+d.chartW-20 {
			continue
		}
		d.text(t.Text, x+3, y+6, 14, false, d.pal.muted, d.chartX+d.chartW-x-3)
	}
	return y + 30
}

// lanesToDraw is the lanes of the view that the picture draws, the first
// that fit, and how many it leaves out. A card's lanes fit in what the
// parts around them (other) leave of its height.
func (d *drawing) lanesToDraw(k Kind, other float64) ([]plot.Lane, int) {
	all := d.p.Layout.Lanes
	n := 0
	if k == Chart {
		room := maxLanesHeight
		for n < min(len(all), maxLanes) && room >= d.laneHeight(&all[n], k) {
			room -= d.laneHeight(&all[n], k)
			n++
		}
	} else {
		room := d.height - other - moreHeight(1)
		n = 0
		for n < len(all) && room >= d.laneHeight(&all[n], k) {
			room -= d.laneHeight(&all[n], k)
			n++
		}
		if n == len(all)-1 && room+moreHeight(1) >= d.laneHeight(&all[n], k) {
			n++ // the last lane fits where "and 1 more" would go
		}
	}
	return all[:n], len(all) - n
}

func moreHeight(more int) float64 {
	if more == 0 {
		return 0
	}
	return 36
}

// rows are how many rows of bars and of markers a lane draws.
func (d *drawing) rows(l *plot.Lane, k Kind) (bars, markers int) {
	maxRows := maxBarRows
	if k == Card {
		maxRows = maxCardBarRows
	}
	if k == Card {
		return max(1, min(l.BarRows, maxRows)), 0 // a card has no room for its events' list
	}
	return max(1, min(l.BarRows, maxRows)), min(l.MarkerRows, maxMarkerRows)
}

func (d *drawing) laneHeight(l *plot.Lane, k Kind) float64 {
	bars, markers := d.rows(l, k)
	return 2*lanePad + float64(bars)*rowHeight + float64(markers)*markerRow
}

func (d *drawing) lanesHeight(lanes []plot.Lane, k Kind) float64 {
	h := 0.0
	for i := range lanes {
		h += d.laneHeight(&lanes[i], k)
	}
	return h
}

// drawLanes draws lanes from y, with the ticks' lines, the now line and
// the cursor across them, and returns where they end.
func (d *drawing) drawLanes(y float64, lanes []plot.Lane, k Kind) float64 {
	end := y + d.lanesHeight(lanes, k)
	for _, t := range d.p.Ticks {
		d.vline(d.chartX+t.Percent/100*d.chartW, y-6, end, 1, d.pal.line, nil)
	}
	top := y
	for i := range lanes {
		l := &lanes[i]
		h := d.laneHeight(l, k)
		d.hline(margin, d.width-margin, y+h, d.pal.line)
		d.drawLane(l, y, k)
		y += h
	}
	if now := d.p.Now; now != nil {
		x := d.chartX + now.Percent/100*d.chartW
		d.vline(x, top-6, end, 1.5, d.pal.muted, []float64{4, 3})
		d.text(now.Text, x-40, end+2, 12, false, d.pal.muted, 38)
	}
	if at := d.p.Cursor; at != nil {
		x := d.chartX + at.Percent/100*d.chartW
		d.vline(x, top-6, end, 2, d.pal.accent, nil)
		d.text(at.Text, x+4, end+2, 13, true, d.pal.accent, d.width-margin-x-4)
	}
	if d.p.Now != nil || d.p.Cursor != nil {
		end += 20
	}
	return end
}

// drawLane draws one person's lane at y: their mark and name, their bars
// and their events' markers.
func (d *drawing) drawLane(l *plot.Lane, y float64, k Kind) {
	barRows, markerRows := d.rows(l, k)
	mark := d.p.Colors[l.Person.ID]
	d.personMark(margin+7, y+lanePad+rowHeight/2, mark)
	d.text(d.name(l.Person), margin+20, y+lanePad+rowHeight/2-11, 16, false, d.pal.ink, namesWidth-28)

	pixels := make([][]bool, barRows)
	for i := range pixels {
		pixels[i] = make([]bool, int(d.width)+1)
	}
	for i := range l.Bars {
		b := &l.Bars[i]
		if b.Row >= barRows || d.shapes >= maxShapes || len(b.Segments) == 0 {
			continue
		}
		x0 := d.chartX + b.Left/100*d.chartW
		x1 := x0 + b.Width/100*d.chartW
		left, right := max(x0, d.chartX), min(x1, d.chartX+d.chartW)
		if right <= left || covered(pixels[b.Row], left, right) {
			continue
		}
		d.shapes++
		d.drawBar(b, x0, x1, left, right, y+lanePad+float64(b.Row)*rowHeight)
	}
	pixels = make([][]bool, markerRows)
	for i := range pixels {
		pixels[i] = make([]bool, int(d.width)+1)
	}
	for i := range l.Markers {
		m := &l.Markers[i]
		x := d.chartX + m.At/100*d.chartW
		if m.Row >= markerRows || d.shapes >= maxShapes || x < d.chartX || x > d.chartX+d.chartW ||
			covered(pixels[m.Row], x-markerR, x+markerR) {
			continue
		}
		d.shapes++
		d.marker(x, y+lanePad+float64(barRows)*rowHeight+float64(m.Row)*markerRow+markerRow/2, m.Number)
	}
}

// covered reports whether the pixels from left to right of a row are all
// drawn already, and marks them drawn.
func covered(row []bool, left, right float64) bool {
	from, to := max(0, int(left)), min(len(row)-1, int(math.Ceil(right))-1)
	all := true
	for x := from; x <= to; x++ {
		if !row[x] {
			all = false
			row[x] = true
		}
	}
	return all && from <= to
}

// drawBar draws a relationship's bar, which runs from x0 to x1 and is
// seen from left to right, in the row at y: the partner's name over its
// band of phases, and how it ends while the relationship lasts.
func (d *drawing) drawBar(b *plot.Bar, x0, x1, left, right, y float64) {
	if right-left >= 24 {
		d.text(d.name(b.Partner), left+2, y-1, 13, false, d.pal.ink, right-left-4)
	}
	top := y + bandTop
	width := x1 - x0
	for i, s := range b.Segments {
		sx0 := x0 + s.Left/100*width
		sx1 := sx0 + s.Width/100*width
		sl, sr := max(sx0, left), min(sx1, right)
		if sr <= sl {
			continue
		}
		var fade endFade
		if b.AsOf && i == len(b.Segments)-1 {
			fade = asOfEnd(sx0, sx1)
		}
		d.drawSegment(s, sx0, sx1, sl, sr, top, fade)
	}
	if x1 > d.chartX+d.chartW+1 {
		return // it ends after the window
	}
	switch {
	case b.AsOf:
		d.asOfLine(x1, top)
	case b.Ongoing:
		d.arrow(x1+1, top)
	}
}

// The end of a bar drawn to the date of its relationship's latest
// evidence (plot.Bar's AsOf), as the page's .bar--as-of: its last
// segment fades over its last asOfFadeWidth px (at most asOfFadeShare of
// it) to asOfOpacity, and a dashed line closes it, so that it reads
// neither as known up to today nor as ended.
const (
	asOfFadeWidth = 40.0 // the page's 2.5rem at 16 px, as its bands are drawn here
	asOfFadeShare = .7
	asOfOpacity   = .3
	// asOfOverhang is how far the closing line reaches above and below
	// the band: the page's .3rem.
	asOfOverhang = 4.8
)

// An endFade is where what is drawn of a bar fades: from full at from
// to asOfOpacity at to, seen over the paper. The zero endFade fades
// nothing.
type endFade struct{ from, to float64 }

// asOfEnd is the fade of a bar's last segment, from x0 to x1, when its
// relationship is known only to its latest evidence.
func asOfEnd(x0, x1 float64) endFade {
	return endFade{x1 - min(asOfFadeWidth, asOfFadeShare*(x1-x0)), x1}
}

func (f endFade) on() bool { return f.to > f.from }

// opacity is how opaque what is drawn at x is seen.
func (f endFade) opacity(x float64) float64 {
	if !f.on() || x <= f.from {
		return 1
	}
	return 1 - min((x-f.from)/(f.to-f.from), 1)*(1-asOfOpacity)
}

// faded is c as it is seen at x when it fades so: over the paper, as the
// page's mask shows it.
func (d *drawing) faded(c color.RGBA, x float64, f endFade) color.RGBA {
	return mix(c, d.pal.paper, f.opacity(x))
}

// asOfLine draws the dashed line that closes an as-of end at x, across a
// band at top: the page's 2 px dashed border at the band's end.
func (d *drawing) asOfLine(x, top float64) {
	d.vline(x-1, top-asOfOverhang, top+bandHeight+asOfOverhang, 2, d.pal.ink, []float64{4, 3})
}

// arrow draws the arrow of an ongoing relationship, from x, beside a band
// at top, toward later dates. (The server's data draws none: it sets
// every ongoing relationship's AsOf, see app's renderLegend.)
func (d *drawing) arrow(x, top float64) {
	tri := &canvas.Path{}
	tri.MoveTo(d.seen(x), top)
	tri.LineTo(d.seen(x+9), top+bandHeight/2)
	tri.LineTo(d.seen(x), top+bandHeight)
	tri.Close()
	d.ctx.SetFillColor(d.pal.ink)
	d.ctx.SetStrokeColor(canvas.Transparent)
	d.ctx.DrawPath(0, 0, tri)
}

// A stop is a colour at an offset, from 0 to 1, of a gradient.
type stop struct {
	offset float64
	color  color.RGBA
}

// colorAt is the colour of the gradient stops (in offset order) at
// offset t.
func colorAt(stops []stop, t float64) color.RGBA {
	for i := 1; i < len(stops); i++ {
		a, b := stops[i-1], stops[i]
		if t <= b.offset {
			if b.offset <= a.offset {
				return b.color
			}
			return mix(b.color, a.color, max(0, (t-a.offset)/(b.offset-a.offset)))
		}
	}
	return stops[len(stops)-1].color
}

// fadedStops are stops, of a band from x0 to x1, as seen where they
// fade: a stop at each of theirs and at fadeSamples places across the
// fade, between which a mask of one slope over a gradient of another is
// a curve, drawn here as lines.
func (d *drawing) fadedStops(stops []stop, x0, x1 float64, f endFade) []stop {
	const fadeSamples = 5
	from := (f.from - x0) / (x1 - x0)
	offsets := []float64{}
	for _, s := range stops {
		offsets = append(offsets, s.offset)
	}
	for i := range fadeSamples {
		offsets = append(offsets, from+(1-from)*float64(i)/(fadeSamples-1))
	}
	slices.Sort(offsets)
	out := []stop{}
	for _, t := range slices.Compact(offsets) {
		if t < 0 || t > 1 {
			continue
		}
		out = append(out, stop{t, d.faded(colorAt(stops, t), x0+t*(x1-x0), f)})
	}
	return out
}

// drawSegment draws a phase of a band from x0 to x1, seen from left to
// right: its status's colour at its certainty's strength, fading in and
// out across uncertain dates, with its status's texture, stripes where
// accounts of its dates differ, and its certainty's outline
// (web/liaison.css's .segment rules), fading as fade says.
func (d *drawing) drawSegment(s plot.Segment, x0, x1, left, right, top float64, fade endFade) {
	pal := d.pal
	c := mix(pal.status[s.Phase.Status], pal.paper, strength(s.Certainty))
	stops := []stop{{0, c}, {1, c}}
	if s.FadeIn > 0 || s.FadeOut > 0 {
		// Faded to the paper, not to transparent: an SVG viewer blends
		// transparent black into the colour, a grey the PNG lacks.
		from, to := pal.paper, c
		if s.Previous != "" {
			from = mix(pal.status[s.Previous], pal.paper, strength(s.Certainty))
		}
		if s.FadeOut > 0 {
			to = pal.paper
		}
		stops = []stop{{0, from}, {s.FadeIn / 100, c}, {1 - s.FadeOut/100, c}, {1, to}}
	}
	if fade.on() {
		stops = d.fadedStops(stops, x0, x1, fade)
	}
	if len(stops) == 2 && stops[0].color == stops[1].color {
		d.rect(left, top, right-left, bandHeight, c)
	} else {
		g := d.gradient(x0, x1)
		for _, s := range stops {
			g.Add(s.offset, s.color)
		}
		d.ctx.SetFillGradient(g)
		d.ctx.SetStrokeColor(canvas.Transparent)
		d.ctx.DrawPath(min(d.seen(left), d.seen(right)), top, canvas.Rectangle(right-left, bandHeight))
	}
	// The textures are of the paper: they need not fade with the band,
	// which fades toward the paper.
	switch s.Phase.Status {
	case data.Engaged: // dots of paper, 7 px apart
		dot := withAlpha(pal.paper, .85)
		for x := math.Ceil(x0/7)*7 + 3.5; x < right; x += 7 {
			if x-1.5 >= left {
				d.ctx.SetFillColor(dot)
				d.ctx.SetStrokeColor(canvas.Transparent)
				d.ctx.DrawPath(d.seen(x), top+bandHeight/2, canvas.Circle(1.5))
			}
		}
	case data.Married: // a double line of paper
		line := withAlpha(pal.paper, .8)
		d.rect(left, top+bandHeight*.28, right-left, bandHeight*.12, line)
		d.rect(left, top+bandHeight*.60, right-left, bandHeight*.12, line)
	}
	width := x1 - x0
	if s.ContestedIn > 0 {
		d.contested(x0, x0+s.ContestedIn/100*width, left, right, top, c, fade)
	}
	if s.ContestedOut > 0 {
		d.contested(x1-s.ContestedOut/100*width, x1, left, right, top, c, fade)
	}
	switch s.Certainty {
	case data.Reported:
		d.dashed(left, right, top-1, []float64{5, 3}, fade)
		d.dashed(left, right, top+bandHeight+1, []float64{5, 3}, fade)
	case data.Rumoured:
		d.dashed(left, right, top-1, []float64{2, 2}, fade)
		d.dashed(left, right, top+bandHeight+1, []float64{2, 2}, fade)
	}
}

// stripeWidth is the width of a contested span's stripes along the band,
// each of its colour or of the paper, at 45°: the page's .18rem at
// 16 px, across the stripes, is 4 px along them.
const stripeWidth = 4.0

// contested draws the span from x0 to x1 of a band at top, of colour c,
// where accounts of a date differ (seen from left to right), as the
// page's .segment__contested: stripes of c and the paper rising to the
// right, in a line of ink.
func (d *drawing) contested(x0, x1, left, right, top float64, c color.RGBA, fade endFade) {
	l, r := max(x0, left), min(x1, right)
	if r <= l {
		return
	}
	d.rect(l, top, r-l, bandHeight, d.pal.paper)
	// The stripes are the page's, which do not mirror: they are placed
	// from the left. Each is where k ≤ x+y ≤ k+stripeWidth (y down).
	a, b := min(d.seen(l), d.seen(r)), max(d.seen(l), d.seen(r))
	box := []canvas.Point{{X: a, Y: top}, {X: b, Y: top}, {X: b, Y: top + bandHeight}, {X: a, Y: top + bandHeight}}
	d.ctx.SetStrokeColor(canvas.Transparent)
	for k := math.Floor((a+top)/(2*stripeWidth)) * 2 * stripeWidth; k < b+top+bandHeight; k += 2 * stripeWidth {
		stripe := clipped(clipped(box, func(p canvas.Point) float64 { return p.X + p.Y - k }),
			func(p canvas.Point) float64 { return k + stripeWidth - p.X - p.Y })
		if len(stripe) < 3 {
			continue
		}
		path := &canvas.Path{}
		path.MoveTo(stripe[0].X, stripe[0].Y)
		for _, p := range stripe[1:] {
			path.LineTo(p.X, p.Y)
		}
		path.Close()
		middle := d.seen(k + stripeWidth/2 - top - bandHeight/2)
		d.ctx.SetFillColor(d.faded(c, middle, fade))
		d.ctx.DrawPath(0, 0, path)
	}
	ink := d.faded(d.pal.ink, r, fade)
	d.rect(l, top, r-l, 1, ink)
	d.rect(l, top+bandHeight-1, r-l, 1, ink)
	if x0 >= left {
		d.rect(x0, top, 1, bandHeight, ink)
	}
	if x1 <= right {
		d.rect(x1-1, top, 1, bandHeight, ink)
	}
}

// clipped is the convex polygon poly cut to where keep, a linear
// function, is not negative (Sutherland and Hodgman's algorithm).
func clipped(poly []canvas.Point, keep func(canvas.Point) float64) []canvas.Point {
	var out []canvas.Point
	for i, p := range poly {
		q := poly[(i+1)%len(poly)]
		kp, kq := keep(p), keep(q)
		if kp >= 0 {
			out = append(out, p)
		}
		if (kp >= 0) != (kq >= 0) {
			t := kp / (kp - kq)
			out = append(out, canvas.Point{X: p.X + t*(q.X-p.X), Y: p.Y + t*(q.Y-p.Y)})
		}
	}
	return out
}

// marker draws an event's numbered circle centred at x, y.
func (d *drawing) marker(x, y float64, n int) {
	d.ctx.SetFillColor(d.pal.paper)
	d.ctx.SetStrokeColor(d.pal.ink)
	d.ctx.SetStrokeWidth(2)
	d.ctx.SetDashes(0)
	label := textLine(fmt.Sprint(n), 11, true, d.pal.ink)
	r := max(markerR, label.Width/2+4)
	d.ctx.DrawPath(d.seen(x), y, canvas.RoundedRectangle(2*r, 2*markerR, markerR).Translate(-r, -markerR))
	label.draw(d.ctx, d.seen(x)-label.Width/2, y-label.Height/2)
}

// personMark draws a person's mark, as the page's .swatch--N: colour
// m % 8, a diamond when m%8 + m/8 is odd, a dot otherwise.
func (d *drawing) personMark(x, y float64, m int) {
	d.ctx.SetFillColor(d.pal.marks[m%8])
	d.ctx.SetStrokeColor(canvas.Transparent)
	if (m%8+m/8)%2 == 1 {
		d.ctx.DrawPath(d.seen(x), y, canvas.RegularPolygon(4, 6, true))
	} else {
		d.ctx.DrawPath(d.seen(x), y, canvas.Circle(5))
	}
}

// legendItems is the legend, as the page's (renderLegend): a swatch and
// its words each, in its order.
func (d *drawing) legendItems() []legendItem {
	w := d.p.Legend
	items := []legendItem{
		{w.Statuses[data.Dating], func(x, y float64) float64 { return d.swatch(x, y, data.Dating, data.Confirmed) }},
		{w.Statuses[data.Engaged], func(x, y float64) float64 { return d.swatch(x, y, data.Engaged, data.Confirmed) }},
		{w.Statuses[data.Married], func(x, y float64) float64 { return d.swatch(x, y, data.Married, data.Confirmed) }},
		{w.Reported, func(x, y float64) float64 { return d.swatch(x, y, data.Dating, data.Reported) }},
		{w.Rumoured, func(x, y float64) float64 { return d.swatch(x, y, data.Dating, data.Rumoured) }},
		{w.Fade, func(x, y float64) float64 {
			d.drawSegment(plot.Segment{Phase: &data.Phase{Status: data.Dating}, FadeIn: 70, Certainty: data.Confirmed}, x, x+32, x, x+32, y, endFade{})
			return 32
		}},
		{w.Contested, func(x, y float64) float64 {
			d.contested(x, x+32, x, x+32, y, d.pal.status[data.Dating], endFade{})
			return 32
		}},
		{w.AsOf, func(x, y float64) float64 {
			// The page's swatch: solid to 40 %, then fading.
			d.drawSegment(plot.Segment{Phase: &data.Phase{Status: data.Dating}, Width: 100, Certainty: data.Confirmed}, x, x+32, x, x+32, y, endFade{x + 32*.4, x + 32})
			d.asOfLine(x+32, y)
			return 32
		}},
	}
	if len(d.p.Events) > 0 && d.kind == Chart {
		items = append(items, legendItem{w.Event, func(x, y float64) float64 {
			d.marker(x+markerR, y+bandHeight/2, 1)
			return 2 * markerR
		}})
	}
	return items
}

// A legendItem is a swatch, which draw draws at x, y and says how wide,
// and its words.
type legendItem struct {
	words string
	draw  func(x, y float64) float64
}

// swatch draws the legend's swatch of status s at certainty c from x, y,
// wider for the dashes and dots of a certainty (as the page's), and says
// how wide.
func (d *drawing) swatch(x, y float64, s data.Status, c data.Certainty) float64 {
	w := 32.0
	if c != data.Confirmed {
		w = 44
	}
	d.swatchOf(x, y, w, s, c)
	return w
}

// swatchOf draws a band w wide of status s at certainty c from x, y.
func (d *drawing) swatchOf(x, y, w float64, s data.Status, c data.Certainty) {
	d.drawSegment(plot.Segment{Phase: &data.Phase{Status: s}, Width: 100, Certainty: c}, x, x+w, x, x+w, y, endFade{})
}

// legendLine is the height of a line of the legend.
const legendLine = 26.0

// legendHeight is the room the legend takes, with the events listed under
// it.
func (d *drawing) legendHeight() float64 {
	return 16 + float64(d.legendLines(0, false))*legendLine
}

// legendLines places the legend's items in lines from the chart's left,
// from y down, drawing them when draw is set, and says how many lines
// they take.
func (d *drawing) legendLines(y float64, draw bool) int {
	x, line := d.chartX, 0
	for _, item := range d.legendItems() {
		words := textLine(cut(item.words), 14, false, d.pal.muted)
		w := 50 + words.Width
		if x+w > d.width-margin && x > d.chartX {
			x, line = d.chartX, line+1
		}
		if draw {
			top := y + float64(line)*legendLine
			sw := item.draw(x, top+4)
			d.place(words, x+sw+6, top+1)
		}
		x += w + 18
	}
	return line + 1
}

// drawLegend draws the legend from y and returns where it ends.
func (d *drawing) drawLegend(y float64) float64 {
	y += 16
	return y + float64(d.legendLines(y, true))*legendLine
}

// footerHeight is the room of the events (a chart's), the source line
// and the note on letters left out.
func (d *drawing) footerHeight(k Kind) float64 {
	h := 8 + margin
	if k == Chart && len(d.p.Events) > 0 {
		h += 12 + 24*float64(min(len(d.p.Events), maxEvents+1))
	}
	if d.p.Sources != "" {
		h += 26
	}
	if d.lacksLetters() {
		h += 24 // the note
	}
	return h
}

// lacksLetters reports whether some text of the picture has letters that
// no font has (see drawable), which its lanes' names and partners' may,
// as it looks at them before drawing: the note under the picture says
// so.
func (d *drawing) lacksLetters() bool {
	texts := append([]string{d.p.Title, d.p.Showing, d.p.Sources}, d.p.Events[:min(len(d.p.Events), maxEvents)]...)
	for _, text := range texts {
		if !drawable(cut(text)) {
			return true
		}
	}
	lanes := d.p.Layout.Lanes[:min(len(d.p.Layout.Lanes), maxLanes)]
	for i := range lanes {
		if !drawable(lanes[i].Person.Name) {
			return true
		}
		for k := range lanes[i].Bars {
			if p := lanes[i].Bars[k].Partner; k < maxShapes && p != nil && !drawable(p.Name) {
				return true
			}
		}
	}
	return false
}

// drawFooter draws, from y, a chart's events and the source line, and a
// note when some text lost letters the fonts lack.
func (d *drawing) drawFooter(y float64, k Kind) {
	y += 8
	if k == Chart && len(d.p.Events) > 0 {
		y += 12
		for i, e := range d.p.Events {
			if i == maxEvents {
				d.text("…", d.chartX, y, 15, false, d.pal.muted, 40)
				y += 24
				break
			}
			d.marker(margin+namesWidth-20, y+10, i+1)
			d.text(e, d.chartX, y, 15, false, d.pal.ink, d.chartW)
			y += 24
		}
	}
	if d.p.Sources != "" {
		d.text(d.p.Sources, margin, y, 15, false, d.pal.muted, d.width-2*margin)
		y += 26
	}
	if d.undrawn {
		d.text(app.PictureUndrawn(), margin, y, 13, false, d.pal.muted, d.width-2*margin)
	}
}

// name is how a person is written: their name, or their id when the
// fonts lack a letter of it.
func (d *drawing) name(p *data.Person) string {
	if p == nil {
		return ""
	}
	if drawable(p.Name) {
		return p.Name
	}
	d.undrawn = true
	return p.ID
}

// cut is text cut to maxTextRunes, before it is shaped.
func cut(text string) string {
	if utf8.RuneCountInString(text) <= maxTextRunes {
		return text
	}
	return string([]rune(text)[:maxTextRunes]) + "…"
}

// fitted is text on a line, cut with "…" to at most width px.
func (d *drawing) fitted(text string, size float64, bold bool, col color.RGBA, width float64) *line {
	text = cut(text)
	if !drawable(text) {
		d.undrawn = true
	}
	t := textLine(text, size, bold, col)
	if t.Width <= width {
		return t
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if textLine(string(runes[:mid])+"…", size, bold, col).Width <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return nil
	}
	return textLine(string(runes[:lo])+"…", size, bold, col)
}

// A drawing places everything by its distance from the picture's start
// edge, as the page places its items from the inline start (app's
// startEdge): the left in a left-to-right picture, the right in a
// right-to-left one (app.Picture's RTL), which mirrors it all as the
// page is mirrored: names on the right, later dates to the left, the
// legend and the events from the right. Only seen, rect, place and the
// paths below turn such an x into the canvas's, from the left.

// seen is where x, from the start edge, is seen from the left.
func (d *drawing) seen(x float64) float64 {
	if d.p.RTL {
		return d.width - x
	}
	return x
}

// text draws text from x, y, its start edge and top, cut to width.
func (d *drawing) text(text string, x, y, size float64, bold bool, col color.RGBA, width float64) {
	if t := d.fitted(text, size, bold, col, width); t != nil {
		d.place(t, x, y)
	}
}

// place draws t with its start edge at x and its top at y.
func (d *drawing) place(t *line, x, y float64) {
	left := x
	if d.p.RTL {
		left = d.width - x - t.Width
	}
	t.draw(d.ctx, left, y)
}

// textAligned draws text at y across the picture's width, from its start
// edge.
func (d *drawing) textAligned(text string, y, size float64, bold bool, col color.RGBA) {
	d.text(text, margin, y, size, bold, col, d.width-2*margin)
}

// rect fills the rectangle from x to x+w, and from y to y+h, with c.
func (d *drawing) rect(x, y, w, h float64, c color.RGBA) {
	d.ctx.SetFillColor(c)
	d.ctx.SetStrokeColor(canvas.Transparent)
	d.ctx.DrawPath(min(d.seen(x), d.seen(x+w)), y, canvas.Rectangle(w, h))
}

func (d *drawing) hline(x0, x1, y float64, c color.RGBA) { d.rect(x0, y-.5, x1-x0, 1, c) }

func (d *drawing) vline(x, y0, y1, width float64, c color.RGBA, dashes []float64) {
	p := &canvas.Path{}
	p.MoveTo(d.seen(x), y0)
	p.LineTo(d.seen(x), y1)
	d.ctx.SetFillColor(canvas.Transparent)
	d.ctx.SetStrokeColor(c)
	d.ctx.SetStrokeWidth(width)
	d.ctx.SetDashes(0, dashes...)
	d.ctx.DrawPath(0, 0, p)
	d.ctx.SetDashes(0)
}

// dashed draws a 2 px dashed or dotted line from x0 to x1 at y, in ink
// or in the ink of an as-of end (fade).
func (d *drawing) dashed(x0, x1, y float64, dashes []float64, fade endFade) {
	p := &canvas.Path{}
	p.MoveTo(d.seen(x0), y)
	p.LineTo(d.seen(x1), y)
	d.ctx.SetFillColor(canvas.Transparent)
	if fade.on() && x1 > fade.from {
		g := d.gradient(fade.from, fade.to)
		g.Add(0, d.pal.ink)
		g.Add(1, d.faded(d.pal.ink, fade.to, fade))
		d.ctx.SetStrokeGradient(g)
	} else {
		d.ctx.SetStrokeColor(d.pal.ink)
	}
	d.ctx.SetStrokeWidth(2)
	d.ctx.SetDashes(0, dashes...)
	d.ctx.DrawPath(0, 0, p)
	d.ctx.SetDashes(0)
}

// gradient is a linear gradient from x0 to x1 across the picture, to
// which the caller adds its stops. canvas places a gradient in the
// canvas's units, before the drawing's scale (a card's fades ended at
// 1/1.5 of their bars).
func (d *drawing) gradient(x0, x1 float64) *canvas.LinearGradient {
	return canvas.NewLinearGradient(canvas.Point{X: d.seen(x0) * d.scale}, canvas.Point{X: d.seen(x1) * d.scale})
}
