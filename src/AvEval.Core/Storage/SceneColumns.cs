namespace AvEval.Storage;

/// <summary>The columns of a canonical scene file held in memory, one array per column, all of one length.</summary>
internal sealed class SceneColumns(int rows)
{
    public int Rows { get; } = rows;

    public string?[] Record { get; } = new string?[rows];

    public string?[] TrackId { get; } = new string?[rows];

    public string?[] Kind { get; } = new string?[rows];

    public string?[] SourceType { get; } = new string?[rows];

    public double?[] Length { get; } = new double?[rows];

    public double?[] Width { get; } = new double?[rows];

    public bool?[] HasAcceleration { get; } = new bool?[rows];

    public int?[] Frame { get; } = new int?[rows];

    public double?[] X { get; } = new double?[rows];

    public double?[] Y { get; } = new double?[rows];

    public double?[] Heading { get; } = new double?[rows];

    public double?[] Vx { get; } = new double?[rows];

    public double?[] Vy { get; } = new double?[rows];

    public double?[] Ax { get; } = new double?[rows];

    public double?[] Ay { get; } = new double?[rows];

    public string?[] LaneId { get; } = new string?[rows];

    public string?[] Polyline { get; } = new string?[rows];

    public string?[] Link { get; } = new string?[rows];

    public string?[] OtherLaneId { get; } = new string?[rows];

    public bool?[] SameDirection { get; } = new bool?[rows];
}
