package io.shipready.backoffice.provisioning;

import io.javalin.http.Context;
import io.shipready.backoffice.provisioning.auth.Principal;
import io.shipready.backoffice.provisioning.auth.Scope;

/** Checks that the request's token may act on a product with a scope; 403 otherwise. */
final class Access {
  static final String PRINCIPAL = "shipready.principal";

  private Access() {}

  static Principal principal(Context ctx) {
    Principal principal = ctx.attribute(PRINCIPAL);
    if (principal == null) {
      // The before-handler refuses every request without a valid token; reaching here is a bug.
      throw new IllegalStateException("no principal on an authenticated route");
    }
    return principal;
  }

  static Principal require(Context ctx, String product, Scope scope) {
    Principal principal = principal(ctx);
    if (!principal.product().equals(product)) {
      throw new ApiException(
          ApiReply.error(
              403,
              "Permission denied: this token is for product "
                  + principal.product()
                  + ", not "
                  + product));
    }
    if (!principal.may(scope)) {
      throw new ApiException(
          ApiReply.error(
              403,
              "Permission denied: this token lacks the scope "
                  + scope.text()
                  + " on product "
                  + product
                  + "; make one with it (shipready backoffice token create --scope "
                  + scope.text()
                  + ")"));
    }
    return principal;
  }
}
