using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AvEval.Judges.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that speaks the chat-completions protocol as the test scripts it:
/// each request gets the reply the script gives for its 1-based number. It stands in for an OpenAI-compatible server
/// (NIM, vLLM, Ollama), which cannot run here; the client under test talks real HTTP to it.
/// </summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, string, Task<Reply>> _script;
    private readonly Task _loop;
    private readonly List<string> _requests = [];
    private readonly CancellationTokenSource _stop = new();

    public LoopbackChatServer(Func<int, string, Task<Reply>> script)
    {
        _script = script;
        int port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public LoopbackChatServer(Func<int, string, Reply> script)
        : this((n, body) => Task.FromResult(script(n, body)))
    {
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A chat-completions body with one choice.</summary>
    public static string Completion(string? content, string finish = "stop", string? refusal = null, string? logprobs = null)
    {
        string lp = logprobs is null ? string.Empty : ",\"logprobs\":{\"content\":" + logprobs + "}";
        return "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"loopback\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + Json(content) + ",\"refusal\":" + Json(refusal) + "},\"finish_reason\":\"" + finish + "\"" + lp
            + "}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120}}";
    }

    public static string Json(string? s) => s is null ? "null" : System.Text.Json.JsonSerializer.Serialize(s);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        int n;
        lock (_requests)
        {
            _requests.Add(body);
            n = _requests.Count;
        }

        try
        {
            var reply = await _script(n, body);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stop.Token);
            }

            context.Response.StatusCode = reply.Status;
            if (reply.RetryAfterSeconds is { } ra)
            {
                context.Response.AddHeader("Retry-After", ra.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            byte[] bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            context.Response.Abort();
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public sealed record Reply(int Status, string Body, TimeSpan Delay = default, int? RetryAfterSeconds = null);
}
