#!/usr/bin/python3
"""Jupyter protocol conformance of the course kernel (kernelspec "java"), with
jupyter_kernel_test, plus the course's own checks (stub errors, interrupts).

Run with the kernelspec installed where Jupyter looks (JUPYTER_PATH), e.g.
    java -jar kernel/target/backprop-kernel.jar install --dir /tmp/jp/kernels/java
    JUPYTER_PATH=/tmp/jp /usr/bin/python3 kernel/src/test/python/conformance.py
Prints each check's result, the kernel's start-up time, and exits non-zero on any failure."""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_modules import require_modules  # noqa: E402

require_modules()

import jupyter_kernel_test  # noqa: E402
from jupyter_client.manager import start_new_kernel  # noqa: E402

KERNEL_NAME = os.environ.get("KERNEL_NAME", "java")
TIMINGS = {}
COUNTS = {}


class JavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'
    code_generate_error = 'throw new IllegalStateException("expected failure");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"plain " + "text"', "result": "plain text"},
    ]
    code_display_data = [
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
        {"code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]
    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "String.valueO", "matches": {"valueOf("}},
    ]
    complete_code_samples = ["int complete = 1;", "System.out.println(1)", "class Done {}", ""]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int sum = 1 +", "class Open {"]
    invalid_code_samples = ["int broken = ;", '"unterminated']
    code_inspect_sample = "Math.max("
    code_history_pattern = "6*"
    supported_history_operations = ("tail", "range", "search")

    @classmethod
    def setUpClass(cls):
        started = time.monotonic()
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name)
        TIMINGS["kernel start to kernel_info reply"] = time.monotonic() - started
        started = time.monotonic()
        cls.kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
        TIMINGS["first cell (1 + 1)"] = time.monotonic() - started

    def test_pager(self):
        self.skipTest("not a feature of this kernel: no pager payloads (as IJava)")

    def test_clear_output(self):
        self.skipTest("not a feature of this kernel: no clear_output function (as IJava)")

    def test_kernel_info_has_status_ok(self):
        self.flush_channels()
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["language_info"]["name"], "java")

    def test_stub_error_shows_its_message(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper(
            'throw new UnsupportedOperationException("Chapter 1, exercise 1.1: write it");')
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["evalue"], "Chapter 1, exercise 1.1: write it")
        self.assertLessEqual(len(reply["content"]["traceback"]), 3)

    def test_many_lines_all_arrive_and_then_idle(self):
        # ZeroMQ drops what overflows its queue, silently; the kernel batches its writes
        self.flush_channels()
        lines = 100000
        msg_id = self.kc.execute('for (int i = 0; i < %d; i++) System.out.println("line " + i);' % lines)
        text, messages, idle = [], 0, False
        deadline = time.monotonic() + 600
        while not idle and time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                messages += 1
                text.append(msg["content"]["text"])
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        received = "".join(text).splitlines()
        COUNTS["cell printing %d lines: lines received" % lines] = len(received)
        COUNTS["cell printing %d lines: stream messages" % lines] = messages
        self.assertTrue(idle, "the idle status after a cell printing %d lines never came" % lines)
        self.assertEqual(len(received), lines)
        self.assertEqual(received[-1], "line %d" % (lines - 1))
        self.kc.get_shell_msg(timeout=60)

    def test_interrupt_stops_a_busy_loop(self):
        self.flush_channels()
        msg_id = self.kc.execute("while (true) {}")
        time.sleep(1.0)
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.get_non_kernel_info_reply(timeout=30)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "InterruptedException")
        TIMINGS["interrupt of while(true) to reply"] = time.monotonic() - started
        self.flush_channels()
        reply, _ = self.execute_helper("40 + 2")
        self.assertEqual(reply["content"]["status"], "ok")


def main():
    suite = unittest.TestLoader().loadTestsFromTestCase(JavaKernelTests)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    for name, seconds in TIMINGS.items():
        print("timing: %s: %.2f s" % (name, seconds))
    for name, count in COUNTS.items():
        print("count: %s: %d" % (name, count))
    failed = len(result.failures) + len(result.errors)
    skipped = len(result.skipped)
    print("conformance: %d passed, %d failed, %d skipped"
          % (result.testsRun - failed - skipped, failed, skipped))
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
