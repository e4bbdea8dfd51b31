package dev.vigil.cli;

import dev.vigil.core.InputError;
import dev.vigil.core.model.ModelFailure;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one sentence on stderr and an exit code: input errors (2) without a stack trace,
 * anything else as an internal error (3), with the stack trace only when --verbose is given.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        InputError input = findInputError(e);
        if (input != null) {
            err.println("vigil: " + input.getMessage());
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
        boolean verbose = parsed.hasMatchedOption("--verbose") || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
        if (e instanceof ModelRaisedError raised) {
            err.println("vigil: " + raised.getMessage());
            if (verbose) {
                err.println(raised.detail());
            }
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
        // the last line of a multi-line message (a TorchScript traceback) is its cause; --verbose shows all of it
        err.println("vigil: internal error: " + e.getClass().getName() + ": " + ModelFailure.lastLine(e) + (verbose ? ""
                : " (run again with --verbose for details, and please report it)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private static InputError findInputError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputError input) {
                return input;
            }
        }
        return null;
    }

    /** Bad options: the message, a hint to --help, exit code 2. */
    static final class Usage implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("vigil: " + e.getMessage());
            err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
    }
}
