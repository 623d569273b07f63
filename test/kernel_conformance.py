"""Jupyter's own kernel conformance suite (jupyter_kernel_test) against the ipw kernel.

Run by test/kernel-conformance.test.ts with JUPYTER_PATH pointing at a prefix where the kernelspec is installed.
"""
import unittest

import jupyter_kernel_test


class IpwKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "ipw"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("oops")'
    completion_samples = [{"text": "Math.fl", "matches": {"floor"}}]
    complete_code_samples = ["1 + 1", "const x: number = 1", "function f() { return 1 }"]
    incomplete_code_samples = ["function f() {", "const y = [1,", "if (true) {"]
    invalid_code_samples = ["const = )", "}}"]
    code_generate_error = 'throw new Error("boom")'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"a" + "b"', "result": "'ab'"},
        {"code": "[1, 2].length", "result": "2"},
    ]
    code_display_data = [
        {"code": 'display({"text/html": "<b>x</b>"})', "mime": "text/html"},
        {"code": 'display({"image/svg+xml": "<svg/>"})', "mime": "image/svg+xml"},
    ]
    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math"
    code_clear_output = "clearOutput()"


if __name__ == "__main__":
    unittest.main(verbosity=2)
