using ControlPlane.Meshctl;

return await MeshctlCommand.InvokeAsync(args, Console.Out, Console.Error);
