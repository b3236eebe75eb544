package io.tunebatch.cli;

import io.tunebatch.evaluate.EvalSuiteException;
import io.tunebatch.evaluate.GateFailedException;
import io.tunebatch.registry.RegistryException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Turns refusals of the governance services (bad suite, gate, four-eyes, unknown model, bad input file) into user errors. */
final class GovernanceErrors {

    private GovernanceErrors() {
    }

    static <T> T userErrors(Supplier<T> action) {
        try {
            return action.get();
        } catch (EvalSuiteException | GateFailedException | RegistryException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage() + ": " + e.getCause().getMessage());
        }
    }
}
