package io.shipready.output.upload;

import java.nio.file.Path;

/** One of the day's files, hashed once at the start of the run. */
record LocalFile(String name, Path path, long size, String sha256) {}
