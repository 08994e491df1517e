package app

import "strconv"

// count is n and the noun that counts it, "1 relationship" or "2
// relationships": every number a reader sees with a noun goes through it.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
