package io.shipready.core.step;

/** The type of a step parameter, as written in YAML. */
public enum ParamType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  /** "500ms", "30s", "2m", "1h"; a bare number is seconds. */
  DURATION,
  STRING_LIST
}
