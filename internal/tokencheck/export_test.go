package tokencheck

// ReadAtMost is Read with a smaller bound, so a test need not feed 256 MiB.
var ReadAtMost = readAtMost
