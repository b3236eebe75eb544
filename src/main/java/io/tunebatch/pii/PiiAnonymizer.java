package io.tunebatch.pii;

import java.util.List;

/** Rewrites a text so that none of the given spans' values remain, one operator per entity type. */
public interface PiiAnonymizer {

    String anonymize(String text, List<PiiSpan> spans);
}
