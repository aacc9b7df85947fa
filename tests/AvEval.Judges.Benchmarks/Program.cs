using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AvEval.Analysis;
using AvEval.Judges;
using AvEval.Judges.Caching;
using AvEval.Judges.Cards;
using AvEval.Judges.Clients;
using AvEval.Judges.Narration;
using AvEval.Storage;
using LLama;
using LLama.Common;
using LLama.Sampling;

// Stopwatch benchmarks of the judge framework (README "Performance"):
//   overhead <repo> [calls]   judge calls through Judge vs the same calls made directly on LLamaSharp, interleaved, one run
//   replay <repo> [cases]     a judged suite of N cases x 3 samples replayed from the response cache (offline)
// Needs AVEVAL_SHARED_DATA (the stories260K model). Exit 1 on error.
try
{
    string mode = args.Length > 0 ? args[0] : "overhead";
    string repo = args.Length > 1 ? args[1] : Directory.GetCurrentDirectory();
    int n = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : mode == "replay" ? 1000 : 20;
    var narrations = Narrations(repo);
    if (mode == "overhead")
    {
        await Overhead(repo, narrations, n);
    }
    else if (mode == "replay")
    {
        await Replay(repo, narrations, n);
    }
    else
    {
        Console.Error.WriteLine($"unknown mode '{mode}'; use 'overhead' or 'replay'");
        return 2;
    }

    return 0;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"benchmark failed: {e}");
    return 1;
}

static List<string> Narrations(string repo)
{
    var list = new List<string>();
    var analysis = RuleAnalysis.CreateDefault();
    foreach (string log in Directory.GetFiles(Path.Combine(repo, "scenarios", "logs"), "*.scene.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        var scene = CanonicalSceneFile.Read(log);
        foreach (var e in analysis.AnalyzeEachVehicle(scene))
        {
            list.Add(DriveNarrator.Narrate(new Drive(scene, e.Ego), e).Text);
        }
    }

    return list;
}

static async Task Overhead(string repo, List<string> narrations, int calls)
{
    var card = new JudgeRegistry(Path.Combine(repo, "scenarios", "judges")).Read("drive_review_tiny", "1");
    card = card with { Samples = 1 };
    using var client = LlamaSharpChatClient.Load(card.Provider.Model, card.Provider.Identity, card.Provider.ContextSize, card.Provider.Threads);
    using var session = new JudgeSession(mode: JudgeCacheMode.Off, maxConcurrentCalls: 1);
    var judge = new Judge(card, client, session);
    var mp = new ModelParams(card.Provider.Model) { ContextSize = (uint)card.Provider.ContextSize, Threads = card.Provider.Threads, BatchThreads = card.Provider.Threads, GpuLayerCount = 0 };
    using var weights = LLamaWeights.LoadFromFile(mp);
    string gbnf = card.Schema.ToGbnf();
    double framework = 0, direct = 0;
    long tokens = 0;
    for (int i = 0; i < calls + 2; i++)
    {
        string input = narrations[i % narrations.Count];
        var t0 = Stopwatch.GetTimestamp();
        var verdict = await judge.EvaluateAsync(input);
        double f = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;

        string prompt = LlamaSharpChatClient.PromptOf(judge.MessagesFor(input, []));
        var t1 = Stopwatch.GetTimestamp();
        var executor = new StatelessExecutor(weights, mp);
        var ip = new InferenceParams
        {
            MaxTokens = card.Sampling.MaxTokens,
            AntiPrompts = [],
            SamplingPipeline = new DefaultSamplingPipeline { Temperature = (float)card.Sampling.Temperature, TopP = (float)card.Sampling.TopP, Seed = card.Sampling.SeedOf(0), Grammar = new Grammar(gbnf, "root") },
        };
        var sb = new StringBuilder();
        await foreach (string piece in executor.InferAsync(prompt, ip))
        {
            sb.Append(piece);
        }

        double d = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        if (sb.ToString() != verdict.Samples[0].Text)
        {
            throw new InvalidOperationException($"call {i}: the direct call gave other text than the judge ('{sb}' vs '{verdict.Samples[0].Text}')");
        }

        if (i >= 2)
        {
            framework += f;
            direct += d;
            tokens += verdict.Tokens;
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overhead: {calls} calls (stories260K, 2 threads, grammar, same seed, identical text checked), mean prompt+output {tokens / (double)calls:F0} tokens"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  through Judge  : {framework / calls:F1} ms/call"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  direct LLamaSharp: {direct / calls:F1} ms/call"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio {framework / direct:F3}; overhead {(framework - direct) / calls:F2} ms/call"));
}

static async Task Replay(string repo, List<string> narrations, int cases)
{
    var card = new JudgeRegistry(Path.Combine(repo, "scenarios", "judges")).Read("drive_review_server", "1");
    string folder = Path.Combine(Path.GetTempPath(), "aveval-judges-bench", Guid.NewGuid().ToString("N"));
    string file = Path.Combine(folder, "judge-cache.jsonl");
    var inputs = Enumerable.Range(0, cases).Select(i => $"{narrations[i % narrations.Count]}(case {i})").ToList();

    // Record: a loopback chat-completions server answers every call (fast), filling the cache online.
    int port;
    using (var l = new TcpListener(IPAddress.Loopback, 0))
    {
        l.Start();
        port = ((IPEndPoint)l.LocalEndpoint).Port;
    }

    using var listener = new HttpListener();
    listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    listener.Start();
    _ = Task.Run(async () =>
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"choices":[{"message":{"role":"assistant","content":"{\"verdict\":\"pass\",\"score\":4,\"reason\":\"kept its gap\"}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":400,"completion_tokens":20}}""");
        while (listener.IsListening)
        {
            HttpListenerContext c;
            try
            {
                c = await listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }

            c.Request.InputStream.CopyTo(Stream.Null);
            c.Response.ContentLength64 = body.Length;
            await c.Response.OutputStream.WriteAsync(body);
            c.Response.Close();
        }
    });
    var endpoint = new Uri($"http://127.0.0.1:{port}/v1");
    card = card with { Provider = card.Provider with { Endpoint = endpoint } };
    using (var session = new JudgeSession(JudgeResponseCache.Open(file), JudgeCacheMode.ReadWrite, maxConcurrentCalls: 8))
    using (var client = new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(endpoint, card.Provider.Model)))
    {
        var judge = new Judge(card, client, session);
        await Task.WhenAll(inputs.Select(i => judge.EvaluateAsync(i)));
    }

    listener.Stop();
    var online = File.ReadAllBytes(file);
    for (int round = 0; round < 3; round++)
    {
        var t0 = Stopwatch.GetTimestamp();
        var cache = JudgeResponseCache.Open(file);
        double open = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        using var session = new JudgeSession(cache, JudgeCacheMode.ReplayOnly);
        var judge = new Judge(card, new OpenAiCompatibleChatClient(new OpenAiCompatibleOptions(new Uri("http://127.0.0.1:9/v1"), "unreachable")), session);
        var t1 = Stopwatch.GetTimestamp();
        var verdicts = new List<JudgeVerdict>(cases);
        foreach (string input in inputs)
        {
            verdicts.Add(await judge.EvaluateAsync(input));
        }

        double replay = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        if (verdicts.Any(v => v.Probability != 1.0 || v.Samples.Any(s => !s.FromCache)))
        {
            throw new InvalidOperationException("a replayed verdict differs from the recorded one");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replay round {round + 1}: {cases} cases x {card.Samples} samples ({cache.Count} cached responses, {online.Length / 1024.0:F0} KiB): open {open:F1} ms, replay {replay:F1} ms = {replay / cases * 1000:F0} us/case; cache hits {session.CacheHits}"));
    }

    Directory.Delete(folder, true);
}
