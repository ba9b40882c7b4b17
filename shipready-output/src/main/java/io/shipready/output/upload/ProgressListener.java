package io.shipready.output.upload;

/**
 * Told how far the upload is, from the uploading thread, often (every buffer written): keep it
 * quick.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = progress -> {};

  void progress(UploadProgress progress);
}
