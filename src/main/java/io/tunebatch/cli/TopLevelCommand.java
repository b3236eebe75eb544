package io.tunebatch.cli;

/**
 * Marks a picocli {@code @Command} bean that hangs directly under {@code tunebatch}. Each stage
 * contributes its own command group; the root finds them in the application context.
 */
public interface TopLevelCommand {
}
