package io.shipready.core.recipe;

import io.shipready.core.model.Validator;
import java.util.List;
import java.util.Map;

/**
 * A product variant's own limits: measurement name to the validators that replace the recipe's. One
 * recipe serves several variants (an EU and a US SKU) without copying it.
 */
public record Variant(String name, Map<String, List<Validator>> limits) {
  public Variant {
    limits = Map.copyOf(limits);
  }
}
