using System.Globalization;
using System.Text.RegularExpressions;
using AvEval.Judges.Retrieval;
using AvEval.Reasoning;
using AvEval.Scenes;

namespace AvEval.Judges.Reasoning;

/// <summary>
/// Maps free text of a reasoning step (e.g. from a vision-language-action model) onto the maneuver taxonomy
/// (<see cref="ManeuverTaxonomy"/>) and reads the agents it cites. In order:
/// <list type="number">
/// <item>a text that starts with a taxonomy label (<c>decelerate/keep-lane: ...</c>) is that label;</item>
/// <item>keyword rules: the longitudinal keyword that appears first in the text (stop: <c>stop</c>, <c>halt</c>,
/// <c>standstill</c>; decelerate: <c>brak*</c>, <c>decelerat*</c>, <c>slow down</c>, <c>slow to</c>, <c>slowing</c>, <c>reduce speed</c>, <c>ease off</c>, <c>yield</c>;
/// accelerate: <c>accelerat*</c>, <c>speed up</c>, <c>increase speed</c>, <c>pick up speed</c>; keep: <c>maintain</c>, <c>keep/hold
/// speed</c>, <c>cruis*</c>, <c>constant speed</c>) with the lateral keyword that appears first (change-left: <c>change/move/merge/shift
/// left</c>, <c>left lane change</c>; change-right likewise; keep-lane: <c>keep/stay in lane</c>), keep-lane when no lateral
/// keyword appears;</item>
/// <item>otherwise MiniLM (<see cref="SentenceEmbedder"/>): the label whose description is most similar to the text, when
/// the cosine similarity reaches <see cref="Threshold"/>; below it the step has no maneuver (the checks count it as
/// unmapped, never as consistent).</item>
/// </list>
/// Cited agents: each mention of <c>vehicle|car|truck|lead|agent|track|id</c> followed by a number cites that id, with the
/// first <c>&lt;x&gt; m</c> and <c>closing (at) &lt;x&gt; m/s</c> after it (before the next mention) as its distance and closing
/// speed when present.
/// </summary>
public sealed class ManeuverTextMapper
{
    /// <summary>The default similarity threshold (AvEval's choice from the tests' phrasings, not a published value).</summary>
    public const double DefaultThreshold = 0.45;

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly (Regex Pattern, LongitudinalManeuver Maneuver)[] Longitudinal =
    [
        (Make(@"\b(stop|stops|stopping|stopped|halt|halts|halting|standstill)\b"), LongitudinalManeuver.Stop),
        (Make(@"\b(brak\w*|decelerat\w*|slow(s|ed|ing)? (down|to)\b|slowing\b|reduc\w* (my |the )?speed|eas\w* off|yield\w*)"), LongitudinalManeuver.Decelerate),
        (Make(@"\b(accelerat\w*|speed\w* up|increas\w* (my |the )?speed|pick\w* up speed)"), LongitudinalManeuver.Accelerate),
        (Make(@"\b(maintain\w*|(keep|keeping|hold|holding) (my |the |a )?(current |steady )?speed|cruis\w*|constant speed)"), LongitudinalManeuver.Keep),
    ];

    private static readonly (Regex Pattern, LateralManeuver Maneuver)[] Lateral =
    [
        (Make(@"\b((chang\w*|mov\w*|merg\w*|shift\w*|swerv\w*)( over)?( lanes?)?( in)?(to| to)?( the)? left|left lane change)"), LateralManeuver.ChangeLeft),
        (Make(@"\b((chang\w*|mov\w*|merg\w*|shift\w*|swerv\w*)( over)?( lanes?)?( in)?(to| to)?( the)? right|right lane change)"), LateralManeuver.ChangeRight),
        (Make(@"\b(keep\w*|stay\w*) (in )?(my |the |this |our )?(current )?lane"), LateralManeuver.KeepLane),
    ];

    private static readonly Regex Label = Make(@"^\s*([a-z]+/[a-z-]+)\s*:");
    private static readonly Regex Agent = Make(@"\b(?:vehicle|car|truck|lead|agent|track|id)\s*#?\s*(\d+)\b");
    private static readonly Regex Distance = Make(@"(-?\d+(?:\.\d+)?)\s*m\b(?!/)");
    private static readonly Regex Closing = Make(@"closing\s*(?:in\s*)?(?:at\s*)?(-?\d+(?:\.\d+)?)\s*m/s");

    private readonly SentenceEmbedder _embedder;
    private readonly float[][] _labels;

    /// <summary>Embeds the label descriptions once.</summary>
    /// <param name="embedder">The MiniLM embedder.</param>
    /// <param name="threshold">The similarity a MiniLM match must reach, in (0, 1].</param>
    public ManeuverTextMapper(SentenceEmbedder embedder, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1.0);
        _embedder = embedder;
        Threshold = threshold;
        _labels = embedder.Embed([.. ManeuverTaxonomy.All.Select(Describe)]);
    }

    /// <summary>The similarity a MiniLM match must reach.</summary>
    public double Threshold { get; }

    /// <summary>The sentence MiniLM compares a text with for a label, e.g. "slow down and stay in my lane".</summary>
    /// <param name="maneuver">The label.</param>
    public static string Describe(Maneuver maneuver)
    {
        string lon = maneuver.Longitudinal switch
        {
            LongitudinalManeuver.Accelerate => "speed up",
            LongitudinalManeuver.Keep => "keep my speed",
            LongitudinalManeuver.Decelerate => "slow down",
            _ => "come to a stop",
        };
        string lat = maneuver.Lateral switch
        {
            LateralManeuver.ChangeLeft => "change into the lane on my left",
            LateralManeuver.ChangeRight => "change into the lane on my right",
            _ => "stay in my lane",
        };
        return $"I {lon} and {lat}.";
    }

    /// <summary>Maps one text onto the taxonomy.</summary>
    /// <param name="text">The step's text.</param>
    /// <param name="cancellationToken">Stops the embedding.</param>
    public ManeuverMapping Map(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var label = Label.Match(text);
        if (label.Success && Maneuver.TryParse(label.Groups[1].Value.ToLowerInvariant(), out var labelled))
        {
            return new ManeuverMapping(labelled, "label");
        }

        var lon = First(Longitudinal, text);
        if (lon is { } l)
        {
            return new ManeuverMapping(new Maneuver(l, First(Lateral, text) ?? LateralManeuver.KeepLane), "rule");
        }

        var v = _embedder.Embed([text], cancellationToken)[0];
        int best = 0;
        double bestSimilarity = double.NegativeInfinity;
        for (int i = 0; i < _labels.Length; i++)
        {
            double s = SentenceEmbedder.Cosine(v, _labels[i]);
            if (s > bestSimilarity)
            {
                (best, bestSimilarity) = (i, s);
            }
        }

        var nearest = ManeuverTaxonomy.All[best];
        return bestSimilarity >= Threshold
            ? new ManeuverMapping(nearest, "minilm", bestSimilarity, nearest)
            : new ManeuverMapping(null, "none", bestSimilarity, nearest);
    }

    /// <summary>The agents a text cites, with the distance and closing speed stated in the same clause.</summary>
    /// <param name="text">The step's text.</param>
    public static IReadOnlyList<CitedAgent> CitedAgents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cited = new List<CitedAgent>();
        var mentions = Agent.Matches(text);
        for (int i = 0; i < mentions.Count; i++)
        {
            var agent = mentions[i];
            int end = i + 1 < mentions.Count ? mentions[i + 1].Index : text.Length;
            string rest = text[(agent.Index + agent.Length)..end];
            var closing = Closing.Match(rest);
            var distance = Distance.Match(closing.Success ? rest[..closing.Index] : rest);
            var id = new TrackId(agent.Groups[1].Value);
            if (cited.Exists(c => c.Agent == id))
            {
                continue;
            }

            string role = agent.Value.Split([' ', '#'], StringSplitOptions.RemoveEmptyEntries)[0].ToLowerInvariant();
            cited.Add(new CitedAgent(
                id,
                role,
                distance.Success ? double.Parse(distance.Groups[1].Value, CultureInfo.InvariantCulture) : null,
                closing.Success ? double.Parse(closing.Groups[1].Value, CultureInfo.InvariantCulture) : null));
        }

        return cited;
    }

    /// <summary>A reasoning step from a free-text line: its maneuver by <see cref="Map"/> and its cited agents.</summary>
    /// <param name="timeSeconds">The step's log time, s.</param>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Stops the embedding.</param>
    public (ReasoningStep Step, ManeuverMapping Mapping) Step(double timeSeconds, string text, CancellationToken cancellationToken = default)
    {
        var mapping = Map(text, cancellationToken);
        return (new ReasoningStep(timeSeconds, mapping.Maneuver, CitedAgents(text), text), mapping);
    }

    private static T? First<T>((Regex Pattern, T Maneuver)[] rules, string text)
        where T : struct
    {
        int at = int.MaxValue;
        T? found = null;
        foreach (var (pattern, maneuver) in rules)
        {
            var m = pattern.Match(text);
            if (m.Success && m.Index < at)
            {
                (at, found) = (m.Index, maneuver);
            }
        }

        return found;
    }

    private static Regex Make(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
}
