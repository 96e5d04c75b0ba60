package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/cfperms/terraform-provider-cfperms/internal/catalog"
)

// writeCatalog replaces the catalog at path with data, or leaves it as it
// was: data that would not read back is refused (a provider built from it
// would panic on first use), and data is written to a temporary file in the
// same folder, then renamed over path, so a failed write never leaves a
// cut-off catalog behind.
func writeCatalog(path string, data []byte) error {
	return writeCatalogWith(path, data, writeAll)
}

// writeFormerNames replaces the former names file the same way.
func writeFormerNames(path string, data []byte) error {
	return writeChecked(path, data, func(data []byte) error {
		_, err := catalog.ParseFormerNames(data)
		return err
	}, writeAll)
}

func writeAll(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// writeCatalogWith is writeCatalog with the write itself given, so tests
// can make it fail halfway.
func writeCatalogWith(path string, data []byte, write func(*os.File, []byte) error) error {
	return writeChecked(path, data, func(data []byte) error {
		_, err := catalog.ParseTSV(data)
		return err
	}, write)
}

// writeChecked writes data to a temporary file beside path and renames it
// over path, once readBack accepts data.
func writeChecked(path string, data []byte, readBack func([]byte) error, write func(*os.File, []byte) error) (err error) {
	if err := readBack(data); err != nil {
		return fmt.Errorf("refusing to write %s: it would not read back: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp, data); err != nil {
		return fmt.Errorf("writing %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
