// Package tools pins the provider's development tools in their own module,
// so updating them never moves the provider's dependencies.
package tools
