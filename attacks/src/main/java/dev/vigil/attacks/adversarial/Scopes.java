package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Short-lived NDManager scopes inside a batch. DJL puts the result of an operation in the manager of
 * its first operand, so arrays from an outer scope are borrowed into the inner one: everything
 * computed from them dies with the inner scope, and the borrowed arrays go back when it closes.
 */
final class Scopes {
    private Scopes() {
    }

    static NDManager borrowing(NDManager parent, NDArray... arrays) {
        NDManager scope = parent.newSubManager();
        for (NDArray a : arrays) {
            a.tempAttach(scope);
        }
        return scope;
    }
}
