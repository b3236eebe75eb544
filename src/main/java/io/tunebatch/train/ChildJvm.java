package io.tunebatch.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a main class of this application in a new JVM: through Spring
 * Boot's PropertiesLauncher when running from the executable jar, or directly on the classpath
 * (tests, IDE).
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static List<String> command(Class<?> mainClass, String maxHeap, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-Dai.djl.offline=true");
        // libtorch thread settings given to this JVM apply to its training children too
        for (String property : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        String classPath = System.getProperty("java.class.path");
        boolean executableJar = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator);
        if (executableJar) {
            command.addAll(List.of("-cp", classPath, "-Dloader.main=" + mainClass.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", classPath, mainClass.getName()));
        }
        command.addAll(args);
        return command;
    }
}
