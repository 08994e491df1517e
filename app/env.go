package app

// The keys of go-app's environment (goapp.Handler.Env) by which the server
// tells the browser how it serves the pages. The server sets them for each
// version of the data; the browser program and the pages read them with
// goapp.Getenv.
const (
	// WatchEnv is set when the server watches its data (liaison serve
	// -watch): pages then ask for a timeline's problems and listen to
	// /api/events for new versions.
	WatchEnv = "LIAISON_WATCH"
	// StaticEnv is set in a static export (liaison export), which has no
	// API but the files it wrote: whole timelines, never a part.
	StaticEnv = "LIAISON_STATIC"
	// OriginEnv names where readers reach the site, like
	// https://news.example, when the server was told (liaison serve
	// -domain): embed codes then point there rather than at whatever host
	// the reader's browser used.
	OriginEnv = "LIAISON_ORIGIN"
)
