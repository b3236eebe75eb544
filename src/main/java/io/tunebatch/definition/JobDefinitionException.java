package io.tunebatch.definition;

import java.util.List;

/** A job definition that cannot run; each problem reads "FILE:LINE: field: what". */
public class JobDefinitionException extends RuntimeException {

    private final List<String> problems;

    public JobDefinitionException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
