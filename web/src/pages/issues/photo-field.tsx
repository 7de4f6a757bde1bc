import { useRef, useState } from 'react';
import { App, Button, Image } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { uploadPhoto } from './issues-api';

interface Photo {
  id: string;
  thumbUrl: string | null;
}

interface Props {
  /** the uploaded photos' ids, as a form item sends them */
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
}

/**
 * The camera button: on a phone it opens the back camera, on the desk a file picker. Each photo is
 * uploaded as soon as it is taken, so the form only carries ids.
 */
export function PhotoField({ value = [], onChange, max = 9 }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(false);
  const shown = photos.filter((p) => value.includes(p.id));

  const take = async (files: FileList | null) => {
    if (!files?.length) return;
    setUploading(true);
    try {
      const added: Photo[] = [];
      for (const file of Array.from(files).slice(0, max - value.length)) {
        added.push(await uploadPhoto(file));
      }
      setPhotos((prev) => [...prev, ...added]);
      onChange?.([...value, ...added.map((p) => p.id)]);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('issueUi.photos.failed'));
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="photo-field">
      {shown.map((p) => (
        <span key={p.id} className="photo-thumb">
          <Image src={p.thumbUrl ?? `/api/files/${p.id}`} width={72} height={72} alt="" />
          <Button
            size="small"
            shape="circle"
            icon={<CloseOutlined />}
            aria-label={t('issueUi.photos.remove')}
            className="photo-remove"
            onClick={() => onChange?.(value.filter((id) => id !== p.id))}
          />
        </span>
      ))}
      {value.length < max && (
        <Button
          icon={<CameraOutlined />}
          loading={uploading}
          size="large"
          className="photo-add"
          onClick={() => input.current?.click()}
        >
          {t('issueUi.photos.take')}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={(e) => void take(e.target.files)}
      />
    </div>
  );
}

/** Photos already stored (of a report or a step), as thumbnails that open full size. */
export function PhotoStrip({
  photos,
}: {
  photos: { id: string; url: string; thumbUrl: string | null }[];
}) {
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <div className="photo-field">
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.thumbUrl ?? p.url}
            preview={{ src: p.url }}
            width={72}
            height={72}
            alt=""
          />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
