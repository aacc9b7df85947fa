using Microsoft.Extensions.AI;

namespace AvEval.Judges.Tests.Clients;

/// <summary>
/// A chat client that must not be called (offline replay): it counts calls and throws. A spy, not a stand-in for a
/// model; the replay path it guards calls no model at all.
/// </summary>
internal sealed class UnreachableChatClient : IChatClient
{
    public int Calls { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        throw new InvalidOperationException("offline replay called the model");
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        throw new InvalidOperationException("offline replay called the model");
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
