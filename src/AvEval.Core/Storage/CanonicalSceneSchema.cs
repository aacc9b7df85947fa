using Parquet.Schema;

namespace AvEval.Storage;

/// <summary>The columns and key-value metadata of a canonical scene file (format version 1); see <see cref="CanonicalSceneFile"/>.</summary>
internal static class CanonicalSceneSchema
{
    public const string FormatVersion = "1";

    public const string StateRecord = "state";
    public const string LaneRecord = "lane";
    public const string LanePointRecord = "lane_point";
    public const string LaneLinkRecord = "lane_link";

    public const string FormatKey = "aveval.scene.format";
    public const string IdKey = "aveval.scene.id";
    public const string StartKey = "aveval.scene.time.start_s";
    public const string StepKey = "aveval.scene.time.step_s";
    public const string FrameCountKey = "aveval.scene.time.frame_count";
    public const string RecordedEgoKey = "aveval.scene.recorded_ego";
    public const string IntersectionLanesKey = "aveval.scene.intersection_lanes";
    public const string DatasetKey = "aveval.provenance.dataset";
    public const string LicenceKey = "aveval.provenance.licence";
    public const string SourceFileKey = "aveval.provenance.source_file";
    public const string Sha256Key = "aveval.provenance.content_sha256";

    public static DataField<string> Record { get; } = new("record", false);

    public static DataField<string> TrackId { get; } = new("track_id", true);

    public static DataField<string> Kind { get; } = new("kind", true);

    public static DataField<string> SourceType { get; } = new("source_type", true);

    public static DataField<double?> Length { get; } = new("length_m");

    public static DataField<double?> Width { get; } = new("width_m");

    public static DataField<bool?> HasAcceleration { get; } = new("has_acceleration");

    public static DataField<int?> Frame { get; } = new("frame");

    public static DataField<double?> X { get; } = new("x_m");

    public static DataField<double?> Y { get; } = new("y_m");

    public static DataField<double?> Heading { get; } = new("heading_rad");

    public static DataField<double?> Vx { get; } = new("vx_mps");

    public static DataField<double?> Vy { get; } = new("vy_mps");

    public static DataField<double?> Ax { get; } = new("ax_mps2");

    public static DataField<double?> Ay { get; } = new("ay_mps2");

    public static DataField<string> LaneId { get; } = new("lane_id", true);

    public static DataField<string> Polyline { get; } = new("polyline", true);

    public static DataField<string> Link { get; } = new("link", true);

    public static DataField<string> OtherLaneId { get; } = new("other_lane_id", true);

    public static DataField<bool?> SameDirection { get; } = new("same_direction");

    public static IReadOnlyList<DataField> Fields { get; } =
    [
        Record, TrackId, Kind, SourceType, Length, Width, HasAcceleration, Frame,
        X, Y, Heading, Vx, Vy, Ax, Ay, LaneId, Polyline, Link, OtherLaneId, SameDirection,
    ];

    public static ParquetSchema Schema { get; } = new(Fields);
}
