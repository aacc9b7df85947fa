namespace AvEval.Tracking;

/// <summary>One table of a Parquet export.</summary>
/// <param name="Name">The table (<c>cases</c>).</param>
/// <param name="Folder">Its Hive-partitioned folder: <c>&lt;out&gt;/&lt;table&gt;/run_id=&lt;id&gt;/&lt;table&gt;_0.parquet</c>.</param>
/// <param name="Rows">Rows written.</param>
public sealed record ExportedTable(string Name, string Folder, long Rows);
