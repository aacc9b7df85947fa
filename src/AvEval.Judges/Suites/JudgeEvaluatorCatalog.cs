using System.Collections.Concurrent;
using AvEval.Analysis;
using AvEval.Errors;
using AvEval.Judges.Cards;
using AvEval.Judges.Narration;
using AvEval.Judges.Vision;
using AvEval.Runs;
using AvEval.Scenarios.Expectations;
using AvEval.Suites;
using Microsoft.Extensions.AI;

namespace AvEval.Judges.Suites;

/// <summary>
/// Core's <see cref="IEvaluatorCatalog"/> over a suite's judges (<c>scenarios/judges</c>) and, for every other id, an
/// inner catalog (the learned models'): scenario files write <c>evaluator &lt;judge-id&gt;@&lt;version&gt; probability &gt;= 0.5</c>
/// like any evaluator. A judge reads the drive's narration (<see cref="DriveNarrator"/> over the default rule
/// analyzers), and a vision-language judge also its bird's-eye view (<see cref="BirdsEyeViewRenderer"/>), and publishes its vote share as <c>evaluator.&lt;id&gt;@&lt;pin&gt;.&lt;output&gt;</c>, without a value and with the
/// reason when the verdict is inconclusive. <see cref="EvaluateBatch"/> judges every drive of a run at once (through the
/// session's concurrency limit); the analyzer then reads each drive's verdict. Judges pass the same gate as learned
/// models: <see cref="CertificationProblem"/> is <see cref="Certification.JudgeCertification.Problem"/> against the golden
/// sets beside the judges folder (<c>scenarios/golden</c>), so an uncertified, refused or stale judge may gate no blocking
/// scenario. Thread-safe.
/// </summary>
public sealed class JudgeEvaluatorCatalog : IEvaluatorCatalog, IDisposable
{
    private readonly IEvaluatorCatalog _inner;
    private readonly JudgeSession _session;
    private readonly Func<JudgeCard, IChatClient> _clients;
    private readonly ConcurrentDictionary<string, Lazy<Judge>> _judges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Id, string Pin), Lazy<JudgeCard>> _cards = new();
    // One judging per judge and input, shared by concurrent callers (a batch holds many scenarios of one drive).
    private readonly ConcurrentDictionary<(string Judge, string Input), Lazy<Task<JudgeVerdict>>> _verdicts = new();
    private readonly List<IChatClient> _owned = [];
    private readonly List<IDisposable> _ownedParts = [];

    /// <summary>Creates a catalog.</summary>
    /// <param name="inner">The catalog for every id that is not a judge.</param>
    /// <param name="judges">The suite's judges.</param>
    /// <param name="session">The run's cache, budget and concurrency limit.</param>
    /// <param name="clients">Makes the client of a card; null for <see cref="Judge.ClientFor"/>.</param>
    public JudgeEvaluatorCatalog(IEvaluatorCatalog inner, JudgeRegistry judges, JudgeSession session, Func<JudgeCard, IChatClient>? clients = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(judges);
        ArgumentNullException.ThrowIfNull(session);
        _inner = inner;
        Judges = judges;
        _session = session;
        _clients = clients ?? (card => Judge.ClientFor(card));
    }

    /// <summary>The suite's judges.</summary>
    public JudgeRegistry Judges { get; }

    /// <summary>The run's cache, budget and concurrency limit.</summary>
    public JudgeSession Session => _session;

    /// <summary>Makes this catalog dispose parts it was given (the inner catalog, the session) when it is disposed.</summary>
    internal JudgeEvaluatorCatalog Owning(params IDisposable[] parts)
    {
        _ownedParts.AddRange(parts);
        return this;
    }

    /// <inheritdoc/>
    public string RuntimeVersion => $"{_inner.RuntimeVersion}; LLamaSharp 0.30.0";

    /// <inheritdoc/>
    public string? Problem(string evaluator, string version, string output)
    {
        if (!Judges.Contains(evaluator))
        {
            // An id that is neither a model nor a judge: say where the judges are too.
            var problem = _inner.Problem(evaluator, version, output);
            return problem is not null && problem.StartsWith($"unknown evaluator '{evaluator}", StringComparison.Ordinal)
                ? $"{problem.TrimEnd('.')}, or name a judge of '{Judges.Root}' (judges: {(Judges.Judges.Count == 0 ? "none" : string.Join(", ", Judges.Judges))})"
                : problem;
        }

        try
        {
            var card = CardOf(evaluator, version);
            return card.Output.Name == output ? null : $"judge '{card.Key}' has no output '{output}'; it publishes '{card.Output.Name}'";
        }
        catch (JudgeException e)
        {
            return e.Message;
        }
    }

    /// <inheritdoc/>
    public IDriveAnalyzer Resolve(string evaluator, string version) =>
        Judges.Contains(evaluator) ? new JudgeAnalyzer(this, JudgeOf(evaluator, version), version) : _inner.Resolve(evaluator, version);

    /// <inheritdoc/>
    public string? CertificationProblem(string evaluator, string version)
    {
        if (!Judges.Contains(evaluator))
        {
            return _inner.CertificationProblem(evaluator, version);
        }

        var card = CardOf(evaluator, version);
        return Certification.JudgeCertification.Problem(card, Path.Combine(Path.GetDirectoryName(Judges.Root)!, Suite.GoldenFolder));
    }

    /// <inheritdoc/>
    public EvaluatorRecord Describe(string evaluator, string version)
    {
        if (!Judges.Contains(evaluator))
        {
            return _inner.Describe(evaluator, version);
        }

        var card = CardOf(evaluator, version);
        return new EvaluatorRecord(card.Id, card.Version, card.CardSha256, card.Provider.Kind == JudgeProviderKind.LlamaSharp ? "cpu" : "remote");
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FilesOf(string evaluator, string version)
    {
        if (!Judges.Contains(evaluator))
        {
            return _inner.FilesOf(evaluator, version);
        }

        var card = CardOf(evaluator, version);
        var files = Directory.GetFiles(Path.GetDirectoryName(card.CardPath)!).Order(StringComparer.Ordinal).ToList();
        if (card.Provider.Kind == JudgeProviderKind.LlamaSharp)
        {
            files.Add(card.Provider.Model);
        }

        return files;
    }

    /// <inheritdoc/>
    public void EvaluateBatch(string evaluator, string version, IReadOnlyList<Drive> drives)
    {
        ArgumentNullException.ThrowIfNull(drives);
        if (!Judges.Contains(evaluator))
        {
            _inner.EvaluateBatch(evaluator, version, drives);
            return;
        }

        var judge = JudgeOf(evaluator, version);
        var analysis = RuleAnalysis.CreateDefault();
        Task.WhenAll(drives.Select(d => Task.Run(() => VerdictAsync(judge, Input(judge, d, analysis.Analyze(d)))))).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The checked card of a pin, read once per catalog: reading hashes the prompt and a local model file (gigabytes for
    /// a production GGUF), which a suite must not repeat per case. A card that cannot be read is not kept (it may be fixed
    /// while an IDE keeps the process alive).
    /// </summary>
    /// <param name="evaluator">The judge id.</param>
    /// <param name="version">The pin.</param>
    /// <exception cref="JudgeException">Unknown judge or version, or a bad card.</exception>
    public JudgeCard CardOf(string evaluator, string version)
    {
        var lazy = _cards.GetOrAdd((evaluator, version), k => new Lazy<JudgeCard>(() => Judges.Read(k.Id, k.Pin)));
        try
        {
            return lazy.Value;
        }
        catch (JudgeException)
        {
            _cards.TryRemove(new KeyValuePair<(string, string), Lazy<JudgeCard>>((evaluator, version), lazy));
            throw;
        }
    }

    /// <summary>The judge of a pin (its client made once).</summary>
    /// <param name="evaluator">The judge id.</param>
    /// <param name="version">The pin.</param>
    public Judge JudgeOf(string evaluator, string version)
    {
        var card = CardOf(evaluator, version);
        return _judges.GetOrAdd(card.Key, _ => new Lazy<Judge>(() =>
        {
            var client = _clients(card);
            lock (_owned)
            {
                _owned.Add(client);
            }

            return new Judge(card, client, _session);
        })).Value;
    }

    /// <summary>
    /// What a judge reads of a drive: the narration of the rule analyzers' facts, and for a vision-language judge the
    /// bird's-eye view at <see cref="BirdsEyeViewRenderer.MomentOf"/>.
    /// </summary>
    internal static (DriveNarration Narration, BirdsEyeImage? Image) Input(Judge judge, Drive drive, Evaluation rules) =>
        (DriveNarrator.Narrate(drive, rules), judge.Card.VisionLanguage ? BirdsEyeViewRenderer.Render(drive, BirdsEyeViewRenderer.MomentOf(drive, rules)) : null);

    internal async Task<JudgeVerdict> VerdictAsync(Judge judge, (DriveNarration Narration, BirdsEyeImage? Image) input)
    {
        var key = (judge.Card.Key, input.Narration.Sha256 + (input.Image is { } i ? "+" + i.Sha256 : ""));
        var lazy = _verdicts.GetOrAdd(key, _ => new Lazy<Task<JudgeVerdict>>(() => judge.EvaluateAsync(input.Narration.Text, input.Image)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // Not kept: a judging that threw (rather than failing closed) is tried again by the next caller.
            _verdicts.TryRemove(new KeyValuePair<(string, string), Lazy<Task<JudgeVerdict>>>(key, lazy));
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var c in _owned)
            {
                c.Dispose();
            }

            _owned.Clear();
            foreach (var p in _ownedParts)
            {
                p.Dispose();
            }

            _ownedParts.Clear();
        }
    }
}
