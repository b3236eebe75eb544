package io.tunebatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Resolves {@code --source}: a file, a directory (its JSONL and CSV files, not recursive), or a
 * glob such as {@code data/*.jsonl} or {@code data/**}{@code /*.csv}. Always sorted, so a restart
 * walks the files in the same order.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    public static List<Path> resolve(String source) {
        int wildcard = firstWildcard(source);
        if (wildcard < 0) {
            Path path = Path.of(source);
            if (Files.isDirectory(path)) {
                return list(path, 1, p -> formatOf(p) != null);
            }
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("source not found: " + source);
            }
            return List.of(path);
        }
        int slash = source.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of(".") : Path.of(source.substring(0, slash + 1));
        if (!Files.isDirectory(base)) {
            throw new IllegalArgumentException("source not found: " + base + " (from " + source + ")");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.substring(slash + 1));
        List<Path> matched = list(base, Integer.MAX_VALUE, p -> matcher.matches(base.relativize(p)));
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("no files match " + source);
        }
        return matched;
    }

    /**
     * Like {@link #resolve(String)}, for a source of a known format: a directory contributes its
     * files of that format only; a named or matched file of another format is an error.
     */
    public static List<Path> resolve(String source, String format) {
        boolean directory = firstWildcard(source) < 0 && Files.isDirectory(Path.of(source));
        List<Path> files = resolve(source);
        if (directory) {
            List<Path> ofFormat = files.stream().filter(p -> format.equals(formatOf(p))).toList();
            if (ofFormat.isEmpty()) {
                throw new IllegalArgumentException("no " + format + " files in " + source);
            }
            return ofFormat;
        }
        for (Path file : files) {
            if (!format.equals(formatOf(file))) {
                throw new IllegalArgumentException(file + " is not a " + format + " file (by its extension)");
            }
        }
        return files;
    }

    /** "jsonl", "csv", or null when the extension is neither. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return "jsonl";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        return null;
    }

    private static List<Path> list(Path dir, int depth, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(p -> !Files.isDirectory(p)).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static int firstWildcard(String source) {
        for (int i = 0; i < source.length(); i++) {
            if ("*?[{".indexOf(source.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
