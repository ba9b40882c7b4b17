package io.shipready.app.assembly;

import static java.util.Objects.requireNonNull;

import io.shipready.core.recipe.Recipe;
import io.shipready.core.spi.Prompter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a station is made of, as a command names it: the recipe (a file, or one built in
 * memory), where units come from, the station's configuration and identity, the records, and the
 * operator's side. {@link StationAssembly} turns it into a running station.
 */
public final class StationSetup {
  final Path recipeFile;
  final Recipe recipe;
  final String variant;
  final UnitSupply units;
  final Path configFile;
  final java.time.ZoneId zone;
  final String stationId;
  final String operator;
  final String storeUrl;
  final Path trustFile;
  final boolean allowUnsignedPackage;
  final Prompter prompter;
  final Map<String, String> fields;

  private StationSetup(Builder builder) {
    if ((builder.recipeFile == null) == (builder.recipe == null)) {
      throw new IllegalArgumentException("a station runs one recipe: give a file or a recipe");
    }
    this.recipeFile = builder.recipeFile;
    this.recipe = builder.recipe;
    this.variant = builder.variant;
    this.units = requireNonNull(builder.units, "units");
    this.configFile = builder.configFile;
    this.zone = builder.zone;
    this.stationId = builder.stationId;
    this.operator = builder.operator;
    this.storeUrl = builder.storeUrl;
    this.trustFile = builder.trustFile;
    this.allowUnsignedPackage = builder.allowUnsignedPackage;
    this.prompter = builder.prompter;
    this.fields = Map.copyOf(builder.fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings of a station; everything but the recipe and the units has a default. */
  public static final class Builder {
    private Path recipeFile;
    private Recipe recipe;
    private String variant;
    private UnitSupply units;
    private Path configFile;
    private java.time.ZoneId zone;
    private String stationId;
    private String operator;
    private String storeUrl;
    private Path trustFile;
    private boolean allowUnsignedPackage;
    private Prompter prompter;
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Builder() {}

    /** The recipe file; an installed package it comes from is verified before it is read. */
    public Builder recipe(Path file) {
      this.recipeFile = requireNonNull(file, "file");
      return this;
    }

    /** A recipe built in memory (benchmarks). */
    public Builder recipe(Recipe built) {
      this.recipe = requireNonNull(built, "built");
      return this;
    }

    /** The product variant whose limits apply; null for the recipe's own. */
    public Builder variant(String name) {
      this.variant = name;
      return this;
    }

    public Builder units(UnitSupply supply) {
      this.units = requireNonNull(supply, "supply");
      return this;
    }

    /** The station's configuration file (identity, printer, factory files); null for none. */
    /** The station's time zone instead of its configuration's; null keeps the configuration's. */
    public Builder zone(java.time.ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder config(Path file) {
      this.configFile = file;
      return this;
    }

    /** This station's id in the records; null for the config's, else the recipe's name@host. */
    public Builder stationId(String id) {
      this.stationId = id;
      return this;
    }

    /** The operator signed in; null for the login name. */
    public Builder operator(String name) {
      this.operator = name;
      return this;
    }

    /** The records database (SQLite file or JDBC URL); null for a station that keeps none. */
    public Builder store(String url) {
      this.storeUrl = url;
      return this;
    }

    /** The key an installed package must be signed by; null when none is required. */
    public Builder trust(Path publicKey) {
      this.trustFile = publicKey;
      return this;
    }

    public Builder allowUnsignedPackage(boolean allow) {
      this.allowUnsignedPackage = allow;
      return this;
    }

    /** Who answers the recipe's questions and scans; null for the terminal's operator. */
    public Builder prompter(Prompter answering) {
      this.prompter = answering;
      return this;
    }

    /** A field of the station's record beyond those every station records. */
    public Builder field(String name, String value) {
      fields.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    public StationSetup build() {
      return new StationSetup(this);
    }
  }
}
