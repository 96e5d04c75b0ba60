package tools

//go:generate go tool tfplugindocs generate --provider-dir .. --provider-name cfperms --rendered-provider-name cfperms
