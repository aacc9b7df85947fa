using System.Text.Json;
using AvEval.Analysis;

namespace AvEval.Xunit.Internal;

/// <summary>
/// The <c>evaluation.json</c> a scenario test attaches: format <c>aveval.scenario-result/1</c>, the scenario, the
/// candidate, the verdict, and the scene and evaluation in the shape of <c>aveval analyze --format json</c>
/// (<see cref="EvaluationJsonWriter"/>).
/// </summary>
internal static class ScenarioResultJson
{
    public const string Format = "aveval.scenario-result/1";

    public static byte[] Write(ScenarioResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var spec = result.Spec;
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartObject("scenario");
            json.WriteString("id", spec.DisplayName);
            json.WriteString("file", spec.SourceFile);
            json.WriteString("title", spec.Title);
            json.WriteString("severity", spec.Severity.ToString().ToLowerInvariant());
            json.WriteString("log", spec.Log);
            json.WriteString("ego", spec.Ego.Value);
            if (spec.Window is { } w)
            {
                json.WriteNumber("window_start_s", w.StartSeconds);
                json.WriteNumber("window_end_s", w.EndSeconds);
            }

            json.WriteString("rationale", spec.Rationale);
            json.WriteEndObject();
            json.WriteStartObject("candidate");
            json.WriteString("id", result.Candidate.Id.Value);
            json.WriteString("fingerprint", result.Candidate.Fingerprint);
            json.WriteString("description", result.Candidate.Description);
            json.WriteEndObject();
            json.WriteStartObject("verdict");
            json.WriteString("outcome", result.Verdict.Outcome.ToString().ToLowerInvariant());
            json.WriteBoolean("blocks_release", result.Verdict.BlocksRelease);
            json.WriteStartArray("expectations");
            for (var i = 0; i < result.Verdict.Expectations.Count; i++)
            {
                var e = result.Verdict.Expectations[i];
                json.WriteStartObject();
                json.WriteString("expectation", e.Expectation);
                json.WriteString("location", spec.Expectations[i].Location.ToString());
                json.WriteString("outcome", e.Outcome.ToString().ToLowerInvariant());
                EvaluationJsonWriter.WriteNumber(json, "measured", e.Measured);
                EvaluationJsonWriter.WriteNumber(json, "expected", e.Expected);
                json.WriteString("unit", e.Unit);
                json.WriteString("message", e.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            EvaluationJsonWriter.WriteScene(json, result.Drive.Scene);
            json.WritePropertyName("evaluation");
            EvaluationJsonWriter.WriteEvaluation(json, result.Evaluation);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
