namespace AvEval.Judges.Cards;

/// <summary>Where a judge's model runs.</summary>
public enum JudgeProviderKind
{
    /// <summary>A local GGUF file run by LLamaSharp (llama.cpp) on the CPU, constrained by a GBNF grammar.</summary>
    LlamaSharp,

    /// <summary>An OpenAI-compatible chat-completions server (NVIDIA NIM, vLLM, Ollama), asked for the JSON-Schema response format.</summary>
    OpenAiCompatible,
}
