namespace AvEval.Errors;

/// <summary>NumPy <c>.npy</c> and comma2k19 messages.</summary>
public sealed partial class SceneImportException
{
    /// <summary>A file does not start with the NumPy magic.</summary>
    public static SceneImportException NotNpy(string file, string found) =>
        At(file, "byte 0", $"starts with '{found}', not the NumPy magic '\\x93NUMPY'; the file must be a NumPy .npy array.");

    /// <summary>A .npy header is malformed or describes an array this reader does not read.</summary>
    public static SceneImportException BadNpyHeader(string file, string header, string problem) =>
        At(file, "header", $"header '{header}' {problem}.");

    /// <summary>A .npy file holds fewer or more bytes than its header's shape needs.</summary>
    public static SceneImportException NpySize(string file, long expectedBytes, long actualBytes) =>
        At(file, "data", $"holds '{actualBytes}' data bytes, but its header's shape and dtype need '{expectedBytes}'; the file is truncated or padded, copy it again from the source.");

    /// <summary>The time and value arrays of one stream differ in length.</summary>
    public static SceneImportException StreamLengthMismatch(string timeFile, string valueFile, long timeCount, long valueCount) =>
        At(valueFile, "", $"has '{valueCount}' rows but its time file '{timeFile}' has '{timeCount}'; both arrays of a stream must have one row per sample.");
}
