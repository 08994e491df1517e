package app

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 relationships"},
		{1, "1 relationship"},
		{2, "2 relationships"},
		{1000, "1000 relationships"},
	}
	for _, tt := range tests {
		if got := count(tt.n, "relationship", "relationships"); got != tt.want {
			t.Errorf("count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
