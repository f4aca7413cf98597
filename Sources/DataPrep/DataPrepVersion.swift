/// The version of dataprep, written into reports and manifests.
public enum DataPrepVersion {
  /// The current version string.
  public static let current = "0.1.0"
}
