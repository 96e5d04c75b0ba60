module github.com/cfperms/terraform-provider-cfperms

go 1.26.0

require github.com/agnivade/levenshtein v1.2.2
