package io.shipready.output.factoryfile;

/**
 * How a factory file's bytes split into rows, which is what tells a whole row from one a crash cut
 * short.
 */
public enum RowSyntax {
  /**
   * CSV: a row ends at a line feed outside double quotes; a line feed inside a quoted field is part
   * of the value.
   */
  CSV {
    @Override
    Scanner scanner() {
      return new Scanner() {
        private boolean quoted;

        @Override
        boolean endsRow(byte b) {
          if (b == '"') {
            // A doubled quote inside a field toggles twice, so it leaves the state as it was.
            quoted = !quoted;
          }
          return b == '\n' && !quoted;
        }
      };
    }
  },

  /** One row per line (JSON lines): every line feed ends a row; values never hold one. */
  LINES {
    @Override
    Scanner scanner() {
      return new Scanner() {
        @Override
        boolean endsRow(byte b) {
          return b == '\n';
        }
      };
    }
  };

  /** A fresh scanner, fed every byte of a file from its start. */
  abstract Scanner scanner();

  /** Reads bytes in order and says which ones end a row. */
  abstract static class Scanner {
    abstract boolean endsRow(byte b);
  }
}
