package org.latentlab.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small plugin jars in tests: compiles the given sources against the test class path with the
 * JDK's compiler and packs the classes with a {@code META-INF/services} entry, so the plugin's classes
 * exist only in that jar (not on the class path the tests run on).
 */
final class PluginJars {
  private PluginJars() {}

  /** A jar at {@code jar} holding {@code className} (compiled from {@code source}) registered as {@code service}. */
  static Path build(Path jar, String className, String source, String service) throws IOException {
    return build(jar, className, source, service, null);
  }

  /**
   * As {@link #build(Path, String, String, String)}, and with {@code moduleName} not null a modular jar:
   * its {@code module-info} requires the API and provides the service.
   */
  static Path build(Path jar, String className, String source, String service, String moduleName) throws IOException {
    Path work = Files.createTempDirectory("plugin-src");
    Path src = work.resolve("src").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code;
    if (moduleName == null) {
      code = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
          classes.toString(), src.toString());
    } else {
      Path info = Files.writeString(work.resolve("src/module-info.java"), "module " + moduleName
          + " { requires org.latentlab.api; provides " + service + " with " + className + "; }");
      code = javac.run(null, null, null, "--module-path", apiLocation().toString(), "-d", classes.toString(),
          info.toString(), src.toString());
    }
    if (code != 0) {
      throw new IllegalStateException("the test plugin " + className + " did not compile");
    }
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
         Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + service));
      out.write((className + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  /** The framework API's jar or class folder (a module: it has a module-info). */
  private static Path apiLocation() {
    try {
      return Path.of(org.latentlab.api.spi.Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
