package app

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// TestSwatchesTellPeopleApart reads the people's marks from the stylesheet
// and checks that any two are told apart, in the light and the dark
// theme: by shape, or by colours far enough apart (CIE76 distance) for
// most readers, and among the first eight for a deuteranope too
// (Machado et al.'s simulation), the commonest colour blindness. Each is a graphic that must stand out from
// the page (WCAG 1.4.11: 3:1).
func TestSwatchesTellPeopleApart(t *testing.T) {
	css, err := os.ReadFile("../web/liaison.css")
	if err != nil {
		t.Fatal(err)
	}
	type mark struct {
		colors  [2]string // light, dark
		diamond bool
	}
	marks := make([]mark, personMarks)
	found := 0
	for _, m := range regexp.MustCompile(`\.swatch--(\d+), \.swatch--(\d+) \{ --swatch: light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\); \}`).FindAllStringSubmatch(string(css), -1) {
		for _, n := range m[1:3] {
			i, _ := strconv.Atoi(n)
			marks[i].colors = [2]string{m[3], m[4]}
			found++
		}
	}
	if found != personMarks {
		t.Fatalf("the stylesheet colours %d marks, want %d", found, personMarks)
	}
	diamonds := regexp.MustCompile(`((?:\.swatch--\d+,\s*)+\.swatch--\d+) \{ border-radius: 1px; transform: rotate\(45deg\)`).FindStringSubmatch(string(css))
	if diamonds == nil {
		t.Fatal("the stylesheet has no diamond marks")
	}
	for _, n := range regexp.MustCompile(`\d+`).FindAllString(diamonds[1], -1) {
		i, _ := strconv.Atoi(n)
		marks[i].diamond = true
	}
	for i, m := range marks {
		if want := (i%8+i/8)%2 == 1; m.diamond != want {
			t.Errorf("mark %d is a diamond: %v, want %v (swatch.go)", i, m.diamond, want)
		}
	}
	papers := [2]string{"#fbfaf7", "#14171f"}
	for theme, name := range []string{"light", "dark"} {
		for i, a := range marks {
			if c := contrastRatio(a.colors[theme], papers[theme]); c < 3 {
				t.Errorf("%s: mark %d (%s) has a contrast of %.2f with the page, want 3:1", name, i, a.colors[theme], c)
			}
			for j := i + 1; j < len(marks); j++ {
				b := marks[j]
				if a.diamond != b.diamond {
					continue
				}
				if seen := colorDistance(a.colors[theme], b.colors[theme]); seen < 25 {
					t.Errorf("%s: marks %d (%s) and %d (%s) share a shape, and their colours are %.0f apart, want 25",
						name, i, a.colors[theme], j, b.colors[theme], seen)
				}
				// Eight colours cannot all stay apart for a deuteranope:
				// the first eight marks, a timeline's first eight people,
				// do by shape.
				if deutan := colorDistance(deuteranope(a.colors[theme]), deuteranope(b.colors[theme])); j < 8 && deutan < 12 {
					t.Errorf("%s: marks %d (%s) and %d (%s) share a shape, and their colours are %.0f apart for a deuteranope, want 12",
						name, i, a.colors[theme], j, b.colors[theme], deutan)
				}
			}
		}
	}
}

func TestColorsOfGivesEachOfSixteenPeopleTheirOwnMark(t *testing.T) {
	ids := make([]string, 20)
	for i := range ids {
		ids[i] = fmt.Sprint("p", i)
	}
	colors := colorsOf(ids)
	seen := map[int]string{}
	for _, id := range ids[:personMarks] {
		if other, ok := seen[colors[id]]; ok {
			t.Errorf("%s and %s share mark %d", id, other, colors[id])
		}
		seen[colors[id]] = id
	}
	if colors["p16"] != colors["p0"] {
		t.Errorf("the 17th person has mark %d, want the first's again", colors["p16"])
	}
}

// linear is an sRGB channel (0–255) in linear light.
func linear(c float64) float64 {
	c /= 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func rgbOf(hex string) (r, g, b float64) {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return linear(float64(v >> 16)), linear(float64(v >> 8 & 0xff)), linear(float64(v & 0xff))
}

// contrastRatio is WCAG's contrast ratio of two colours.
func contrastRatio(a, b string) float64 {
	luminance := func(hex string) float64 {
		r, g, b := rgbOf(hex)
		return 0.2126*r + 0.7152*g + 0.0722*b
	}
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// colorDistance is the CIE76 distance of two colours: their distance in
// CIELAB (D65).
func colorDistance(a, b string) float64 {
	lab := func(hex string) [3]float64 {
		r, g, b := rgbOf(hex)
		x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
		y := 0.2126*r + 0.7152*g + 0.0722*b
		z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
		f := func(t float64) float64 {
			if t > 0.008856 {
				return math.Cbrt(t)
			}
			return 7.787*t + 16.0/116
		}
		return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
	}
	p, q := lab(a), lab(b)
	return math.Sqrt((p[0]-q[0])*(p[0]-q[0]) + (p[1]-q[1])*(p[1]-q[1]) + (p[2]-q[2])*(p[2]-q[2]))
}

// deuteranope is how a colour looks to a reader without green cones
// (Machado, Oliveira and Fernandes 2009, severity 1).
func deuteranope(hex string) string {
	r, g, b := rgbOf(hex)
	encode := func(c float64) int {
		c = min(max(c, 0), 1)
		if c <= 0.0031308 {
			c *= 12.92
		} else {
			c = 1.055*math.Pow(c, 1/2.4) - 0.055
		}
		return int(math.Round(c * 255))
	}
	return fmt.Sprintf("#%02x%02x%02x",
		encode(0.367322*r+0.860646*g-0.227968*b),
		encode(0.280085*r+0.672501*g+0.047413*b),
		encode(-0.011820*r+0.042940*g+0.968881*b))
}
