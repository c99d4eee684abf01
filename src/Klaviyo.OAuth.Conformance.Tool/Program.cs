using Klaviyo.OAuth.Conformance.Tool;

return await ToolCommands.RunAsync(args);
