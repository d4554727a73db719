#!/usr/bin/env bash
# Several training runs side by side on one GPU, for a device call of at most 10 minutes.
#
# Needs .gpu/data.tar.xz (bench/pack_corpora.py --gzip-level 0, then tar | xz; see its docstring) and
# writes one tar per run (float16 weights, config, tokenizer, dev history, log) to $OUT. A small
# copy-BART launches more kernels than it fills, so runs that share the GPU cost little extra time.
#
#   MINUTES=6.5 bash bench/gpu_runs.sh
#   DEVICE=cpu BF16=false MINUTES=0.2 DATA=small.tar.xz bash bench/gpu_runs.sh   # a dry run here
set -u
OUT=${OUT:-/tmp/gpu_out}
MINUTES=${MINUTES:-6.5}
PY=${PY:-python3}
DATA=${DATA:-.gpu/data.tar.xz}
WORK=/tmp/yxsumm_gpu
mkdir -p "$OUT" "$WORK/data"
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=true
if compgen -G ".whl/*.whl" >/dev/null; then  # the project's transformers, where the machine has an older one
  $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
    && export PYTHONPATH=/tmp/site
fi
{
  date -u; nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
  $PY -c "import torch, transformers; print('torch', torch.__version__, 'transformers', transformers.__version__, 'cuda', torch.cuda.is_available())"
} 2>&1 | tee "$OUT/summary.log"
tar -xJf "$DATA" -C "$WORK/data" || { echo "no data" | tee -a "$OUT/summary.log"; exit 1; }

common=(--set data_dir="$WORK/data" --set device="${DEVICE:-cuda}" --set bf16="${BF16:-true}" --set max_minutes="$MINUTES"
        --set eval_every_minutes=1.5 --set checkpoint_every_minutes=1000 --set log_every=200
        --set warmup_steps=300 --set dropout=0.1 --set batch_size=256)

launch() {  # NAME, then TrainConfig settings
  local name=$1; shift
  mkdir -p "$WORK/$name"
  timeout "${RUN_LIMIT:-$(( ${MINUTES%.*} * 60 + 150 ))}" $PY bench/gpu_train.py --export "$WORK/$name/export" \
    "${common[@]}" --set output_dir="$WORK/$name/run" "$@" >"$WORK/$name/train.log" 2>&1 &
  pids+=("$name:$!")
}
pids=()

# The eleventh session's runs (4 side by side, 6.5 minutes, GPU 61 % busy): from yxsumm-copybart-next at
# 8e-4 the probe rose to 35.51 and was still rising (34.36 -> 34.93 -> 35.51 over the last 2 minutes);
# 4e-4 reached 33.73, 25,000 pairs a corpus 33.43, the small model's weights 33.23. These weights are now
# yxsumm-copybart-next, and since the twentieth session the bundled yxsumm-copybart-small (the folder
# -next was removed), so the next runs continue from them at and above that learning rate.
launch lr8     --set init_from=models/yxsumm-copybart-small --set max_pairs_per_source=0     --set learning_rate=8e-4  --set seed=31
launch lr12    --set init_from=models/yxsumm-copybart-small --set max_pairs_per_source=0     --set learning_rate=1.2e-3 --set seed=32
launch lr8_bal --set init_from=models/yxsumm-copybart-small --set max_pairs_per_source=25000 --set learning_rate=8e-4  --set seed=33
launch lr8_d0  --set init_from=models/yxsumm-copybart-small --set max_pairs_per_source=0     --set learning_rate=8e-4  --set seed=34 --set dropout=0.0
sleep 90; nvidia-smi --query-gpu=utilization.gpu,memory.used --format=csv,noheader >>"$OUT/summary.log"
for entry in "${pids[@]}"; do wait "${entry#*:}"; echo "${entry%%:*} exit $?" >>"$OUT/summary.log"; done

for entry in "${pids[@]}"; do
  run=${entry%%:*} dir=$WORK/${entry%%:*}
  { echo "== $run"; grep -E "pairs/s|dev ROUGE|finished|Error|error" "$dir/train.log" | tail -8; } >>"$OUT/summary.log"
  if [ ! -f "$dir/export/model.safetensors" ] && [ -f "$dir/run/best/config.json" ]; then  # stopped by timeout
    $PY bench/gpu_train.py --export-only --set output_dir="$dir/run" --export "$dir/export" >>"$dir/train.log" 2>&1
  fi
  cp "$dir/run/history.jsonl" "$dir/export/" 2>/dev/null; cp "$dir/train.log" "$dir/export/" 2>/dev/null
  [ -d "$dir/export" ] && tar -cf "$OUT/$run.tar" -C "$dir/export" .
done
ls -la "$OUT" >>"$OUT/summary.log"; date -u >>"$OUT/summary.log"
cat "$OUT/summary.log"
